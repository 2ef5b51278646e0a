-- Against farming free credits: accounts created per client address, and the trial once per mailbox.

-- One row per account created, under the client address it came from (account/ClientAddresses: the address, or the
-- /64 of an IPv6 client). Written in the registration's transaction under a per-address advisory lock, so that
-- concurrent registrations on any instance are counted one after the other; a registration that fails (a taken email)
-- rolls its row back. Housekeeping removes rows once they are older than yarda.account.registration-window.
CREATE TABLE address_registrations (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_address text        NOT NULL CHECK (length(client_address) BETWEEN 1 AND 100),
    registered_at  timestamptz NOT NULL
);
CREATE INDEX ix_address_registrations_address_time ON address_registrations (client_address, registered_at);
CREATE INDEX ix_address_registrations_time ON address_registrations (registered_at);

-- Every mailbox that has had its free trial. Only a SHA-256 of the canonical mailbox (account/Mailboxes) is kept, no
-- address and no link to a user: a claim outlives the deletion of its account, or deleting and registering again
-- would be a way to farm trials, but it keeps nothing that names anyone. The primary key is the invariant: the
-- registration that inserts the claim (INSERT ... ON CONFLICT DO NOTHING, in its transaction) gets the trial, every
-- later or concurrent one of the same mailbox gets none.
CREATE TABLE trial_claims (
    mailbox_hash bytea       PRIMARY KEY CHECK (length(mailbox_hash) = 32),
    claimed_at   timestamptz NOT NULL
);

-- The claim of an address, as account/Mailboxes.claimHash computes it: lower case, "+tag" dropped from the local
-- part, and at gmail.com (googlemail.com being the same) dots dropped from it; then SHA-256 with a prefix. Here for
-- the claims of the accounts that exist already (they had their trial); RegistrationLimitsTests keeps it equal to the
-- Java rule. Addresses are stored validated, with exactly one @.
CREATE FUNCTION trial_claim_hash(email text) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT
AS $$
    SELECT sha256(convert_to('yarda-trial-claim:' || CASE
               WHEN domain IN ('gmail.com', 'googlemail.com') THEN replace(local, '.', '') || '@gmail.com'
               ELSE local || '@' || domain
           END, 'UTF8'))
      FROM (SELECT split_part(split_part(lower(btrim(email)), '@', 1), '+', 1) AS local,
                   split_part(lower(btrim(email)), '@', 2) AS domain) AS parts
$$;

INSERT INTO trial_claims (mailbox_hash, claimed_at)
SELECT trial_claim_hash(u.email), min(l.created_at)
  FROM users u JOIN credit_ledger l ON l.user_id = u.id AND l.kind = 'trial_grant'
 GROUP BY trial_claim_hash(u.email)
ON CONFLICT DO NOTHING;
