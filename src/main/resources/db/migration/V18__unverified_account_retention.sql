-- Unverified accounts are deleted yarda.account.unverified-retention after registration (AccountHousekeeping): this
-- finds them, oldest first, without reading the verified ones, which are nearly all of the table.
CREATE INDEX ix_users_unverified ON users (created_at) WHERE email_verified_at IS NULL;
