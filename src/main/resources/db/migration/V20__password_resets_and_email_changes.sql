-- Forgotten passwords and changes of email address. As with email_verification_tokens, only a SHA-256 of each token
-- is kept: a copy of these tables opens nothing. A token is single-use: using it deletes its row (an unknown token and
-- a used one answer alike), and a newer one of the same user replaces the older. Rows are removed with their user.

-- when the last reset email was queued: at most one per address per yarda.account.resend-cooldown
ALTER TABLE users ADD COLUMN password_reset_sent_at timestamptz;

CREATE TABLE password_reset_tokens (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX ix_password_reset_tokens_user ON password_reset_tokens (user_id);
CREATE INDEX ix_password_reset_tokens_expiry ON password_reset_tokens (expires_at);

-- A change of email waits here until the link sent to the new address is followed. It holds only while the user's
-- token epoch is the one it was asked under: a password change or reset, "log out everywhere" or a suspension cancels
-- it. The new address must still be free when the link is followed (uq_users_email decides).
CREATE TABLE email_changes (
    token_hash  bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    new_email   text        NOT NULL
        CHECK (new_email = lower(btrim(new_email)) AND length(new_email) BETWEEN 3 AND 254),
    token_epoch bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX ix_email_changes_user ON email_changes (user_id);
CREATE INDEX ix_email_changes_expiry ON email_changes (expires_at);
