-- API keys (Authorization: Bearer yk_…) for a user's integrations.
--
-- A key is "yk_" and 32 random bytes (base64url), shown once when it is made. Only its HMAC-SHA256 is kept, keyed with
-- a key derived from the service's secret (apikey/ApiKeySecrets): a reader of the database or of a backup can neither
-- use a key nor test a guess without that secret. A request that carries a key finds it by that hash, through the
-- unique index, on every request (no cache): a deleted key is refused at once on every instance.
CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    -- a deleted account's keys go with it
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    key_hash     bytea       NOT NULL CHECK (octet_length(key_hash) = 32),
    created_at   timestamptz NOT NULL,
    -- written at most once a minute per key, not on every request (apikey/ApiKeyRepository.touch)
    last_used_at timestamptz,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);
-- a user's keys, oldest first, and the count that holds them to yarda.api-keys.max-per-user
CREATE INDEX ix_api_keys_user ON api_keys (user_id, created_at);
