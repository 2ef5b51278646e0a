-- Accounts: users, their email verification tokens and failed-login bookkeeping.

CREATE TABLE users (
    id                   uuid        PRIMARY KEY,
    email                text        NOT NULL,
    password_hash        text        NOT NULL,
    email_verified_at    timestamptz,
    -- when the last verification email was queued; resends are throttled against it
    verification_sent_at timestamptz,
    created_at           timestamptz NOT NULL,
    -- emails are stored trimmed and lower-cased so that the unique index means "one account per address"
    CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254)
);
CREATE UNIQUE INDEX uq_users_email ON users (email);

-- Only a SHA-256 hash of each token is kept: a copy of this table cannot verify anyone's email.
CREATE TABLE email_verification_tokens (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at    timestamptz
);
CREATE INDEX ix_email_verification_tokens_user ON email_verification_tokens (user_id);

-- Login attempts per email address (existing or not, so that throttling reveals nothing).
-- An attempt is recorded before the password is checked and removed when the login succeeds,
-- so concurrent guesses cannot slip past the limit.
CREATE TABLE login_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text        NOT NULL,
    attempted_at timestamptz NOT NULL
);
CREATE INDEX ix_login_attempts_email_time ON login_attempts (email, attempted_at);
