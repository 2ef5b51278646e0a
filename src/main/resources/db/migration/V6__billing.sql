-- Billing: token pack purchases paid through Stripe Checkout (or the built-in test checkout), the Stripe events
-- already processed, and the link from each purchase to the one ledger entry that granted its tokens.

CREATE TABLE purchases (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the pack as it was sold: later configuration changes do not rewrite history
    pack_id             text        NOT NULL,
    tokens              integer     NOT NULL CHECK (tokens > 0),
    amount_cents        integer     NOT NULL CHECK (amount_cents > 0),
    currency            text        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    status              text        NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'expired')),
    provider            text        NOT NULL CHECK (provider IN ('stripe', 'test')),
    -- one purchase per Checkout Session, so one session can never grant twice
    stripe_session_id   text        UNIQUE,
    checkout_url        text,
    -- test checkout only: SHA-256 of the secret in the checkout link
    checkout_token_hash bytea       CHECK (length(checkout_token_hash) = 32),
    created_at          timestamptz NOT NULL,
    completed_at        timestamptz,
    CONSTRAINT purchases_completed CHECK ((status = 'pending') = (completed_at IS NULL)),
    CONSTRAINT purchases_provider CHECK (
        (provider = 'stripe' AND checkout_token_hash IS NULL)
        OR (provider = 'test' AND stripe_session_id IS NULL))
);
CREATE INDEX ix_purchases_user ON purchases (user_id, created_at DESC, id DESC);

-- a purchase entry names its purchase, and each purchase is granted at most once
ALTER TABLE credit_ledger ADD COLUMN purchase_id uuid REFERENCES purchases (id) ON DELETE CASCADE;
ALTER TABLE credit_ledger
    ADD CONSTRAINT credit_ledger_purchase CHECK ((kind = 'purchase') = (purchase_id IS NOT NULL)),
    ADD CONSTRAINT credit_ledger_purchase_tokens CHECK (kind <> 'purchase' OR credit_type = 'token');
CREATE UNIQUE INDEX uq_purchase_grant ON credit_ledger (purchase_id) WHERE kind = 'purchase';

-- Stripe delivers events at least once: an event id is handled in the transaction that records it here
CREATE TABLE stripe_events (
    id          text        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL
);
