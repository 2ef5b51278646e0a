-- One number per user ends every bearer token and browser session of theirs at once. Each token (the JWT claim
-- "epoch") and each browser session (its principal) carries the number it was issued under, and every authenticated
-- request compares it with this column (KnownUsers.current: one primary-key read, no cache). A password change or
-- reset, "log out everywhere" and a suspension raise it; a change of password keeps the session it was made in by
-- giving that session the new number.
ALTER TABLE users ADD COLUMN token_epoch bigint NOT NULL DEFAULT 0 CHECK (token_epoch >= 0);

-- An operator's suspension: no login, and every token and session ended (the epoch rises with it) until an operator
-- reactivates the account. The reason is also in admin_audit, with who decided it.
ALTER TABLE users ADD COLUMN suspended_at timestamptz;
ALTER TABLE users ADD COLUMN suspension_reason text;
ALTER TABLE users ADD CONSTRAINT users_suspension CHECK (
    (suspended_at IS NULL) = (suspension_reason IS NULL)
    AND (suspension_reason IS NULL OR length(btrim(suspension_reason)) BETWEEN 1 AND 500));
