-- Exports of accounts (GET /api/auth/me/export): each reads every image of the account, so a user may start at most
-- yarda.exports.max-per-hour in any hour. One row per export started; a user's rows older than the hour are removed
-- when they start the next one.
CREATE TABLE account_exports (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL
);
CREATE INDEX ix_account_exports_user ON account_exports (user_id, started_at);
