-- Credits: one account per user holding the two balances, and the append-only ledger that explains them.

CREATE TABLE credit_accounts (
    user_id       uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- a balance can never go below zero, whatever the code does
    trial_credits integer     NOT NULL CHECK (trial_credits >= 0),
    token_balance integer     NOT NULL CHECK (token_balance >= 0),
    updated_at    timestamptz NOT NULL
);

CREATE TABLE credit_ledger (
    -- seq orders entries exactly, even when two share a timestamp
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    user_id       uuid        NOT NULL REFERENCES credit_accounts (user_id) ON DELETE CASCADE,
    kind          text        NOT NULL CHECK (kind IN ('trial_grant', 'consume', 'refund', 'purchase', 'adjustment')),
    credit_type   text        NOT NULL CHECK (credit_type IN ('trial', 'token')),
    amount        integer     NOT NULL CHECK (amount <> 0),
    balance_after integer     NOT NULL CHECK (balance_after >= 0),
    generation_id uuid,
    created_at    timestamptz NOT NULL,
    CONSTRAINT credit_ledger_sign CHECK (
        CASE kind
            WHEN 'consume' THEN amount < 0
            WHEN 'adjustment' THEN true
            ELSE amount > 0
        END),
    CONSTRAINT credit_ledger_generation CHECK ((kind IN ('consume', 'refund')) = (generation_id IS NOT NULL))
);
CREATE INDEX ix_credit_ledger_user ON credit_ledger (user_id, seq DESC);
-- one trial grant per user, one charge and at most one refund per generation
CREATE UNIQUE INDEX uq_trial_grant_user ON credit_ledger (user_id) WHERE kind = 'trial_grant';
CREATE UNIQUE INDEX uq_consume_generation ON credit_ledger (generation_id) WHERE kind = 'consume';
CREATE UNIQUE INDEX uq_refund_generation ON credit_ledger (generation_id) WHERE kind = 'refund';
