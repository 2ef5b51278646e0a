-- Failed logins are counted per (account, client address), and per client address across accounts
-- (Accounts.authenticate): a stranger guessing a known account locks out only themselves, and guessing across many
-- accounts from one address is slowed. Rows from before this migration have no client; they expire with the window.
ALTER TABLE login_attempts ADD COLUMN client text NOT NULL DEFAULT '';
ALTER TABLE login_attempts ALTER COLUMN client DROP DEFAULT;
DROP INDEX ix_login_attempts_email_time;
CREATE INDEX ix_login_attempts_client_email_time ON login_attempts (client, email, attempted_at);
