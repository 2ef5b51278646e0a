-- Outgoing email: written in the transaction that decides to send it, delivered afterwards and retried
-- until delivered, so that a slow or absent mail server never fails or blocks a request.

CREATE TABLE mail_outbox (
    id              uuid        PRIMARY KEY,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    -- a dispatcher that claimed the message owns it until then
    locked_until    timestamptz,
    delivered_at    timestamptz,
    -- 'smtp' or 'log' (no mail server configured)
    delivered_via   text CHECK (delivered_via IN ('smtp', 'log')),
    last_error      text,
    CHECK ((delivered_at IS NULL) = (delivered_via IS NULL))
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE delivered_at IS NULL;
