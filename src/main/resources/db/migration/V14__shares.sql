-- Share links: a read-only page of one completed design at {public-url}/s/{token}, for a contractor, no login.
-- The token never sits here in a form that opens the page: token_hash (SHA-256 of the token) is what a visit is
-- looked up by, and token_seed is the input the token was derived from with a key that only the service holds
-- (HMAC-SHA256, share/ShareTokens), so the owner can be shown the same link again while a reader of this table
-- (or of a backup) can open nothing.
CREATE TABLE shares (
    id             uuid        PRIMARY KEY,
    generation_id  uuid        NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash     bytea       NOT NULL,
    token_seed     bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    CONSTRAINT shares_token_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT shares_token_seed_length CHECK (octet_length(token_seed) = 32),
    CONSTRAINT shares_revoked_after_created CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);

-- a visit: one index lookup by the hash of the token it brings
CREATE UNIQUE INDEX uq_shares_token_hash ON shares (token_hash);
-- at most one live link per design: asking again returns it, a race of two requests creates one
CREATE UNIQUE INDEX uq_shares_live_generation ON shares (generation_id) WHERE revoked_at IS NULL;
-- deleting an account removes its links with it (ON DELETE CASCADE looks them up here)
CREATE INDEX ix_shares_user ON shares (user_id);
