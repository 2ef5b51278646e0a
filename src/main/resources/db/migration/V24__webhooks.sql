-- Webhooks (Standard Webhooks): a user's endpoints, and the durable outbox of their deliveries.
--
-- A generation that ends writes one delivery per matching endpoint in the very transaction that ends it
-- (webhook/Webhooks.onGenerationEnded): no end commits without its deliveries, none is written for an end that
-- rolled back. Deliveries are claimed like generations: one statement, FOR UPDATE SKIP LOCKED, a lease
-- (locked_by, locked_until) and attempts, which fences every later write.

CREATE TABLE webhook_endpoints (
    id            uuid        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url           text        NOT NULL CHECK (length(url) BETWEEN 8 AND 2048),
    events        text[]      NOT NULL CHECK (cardinality(events) >= 1
                                  AND events <@ ARRAY['generation.completed', 'generation.failed']),
    -- the signing secret, which must be read back to sign: sealed with AES-256-GCM under a key derived from the
    -- service's secret (webhook/WebhookSecrets), the nonce first; a reader of the database or a backup cannot sign
    secret_sealed bytea       NOT NULL CHECK (octet_length(secret_sealed) BETWEEN 12 + 24 + 16 AND 12 + 64 + 16),
    created_at    timestamptz NOT NULL
);
-- a user's endpoints, and the ones an ending generation looks up
CREATE INDEX ix_webhook_endpoints_user ON webhook_endpoints (user_id, created_at);

CREATE TABLE webhook_deliveries (
    -- also the webhook-id header ("msg_" and these 32 hex digits): the same on every attempt
    id               uuid        PRIMARY KEY,
    endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    generation_id    uuid        NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    event_type       text        NOT NULL CHECK (event_type IN ('generation.completed', 'generation.failed')),
    -- the exact bytes every attempt sends, built once when the generation ended; dropped once the delivery is
    -- settled, since it holds the design's address
    body             text,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    locked_by        text,
    locked_until     timestamptz,
    last_status_code integer     CHECK (last_status_code BETWEEN 100 AND 599),
    last_error       text        CHECK (length(last_error) <= 500),
    -- the instance whose attempt was answered 2xx, kept for operators
    delivered_by     text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    CONSTRAINT webhook_deliveries_body CHECK (status <> 'pending' OR body IS NOT NULL),
    CONSTRAINT webhook_deliveries_delivered CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
    CONSTRAINT webhook_deliveries_lease CHECK ((locked_by IS NULL) = (locked_until IS NULL)),
    -- a generation ends once: one event per endpoint
    CONSTRAINT uq_webhook_deliveries_event UNIQUE (endpoint_id, generation_id)
);
-- the dispatchers' claim: only unsettled rows are indexed
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- an endpoint's delivery log, newest first
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
-- deleting a design removes its deliveries (and cascades from generations look them up here)
CREATE INDEX ix_webhook_deliveries_generation ON webhook_deliveries (generation_id);
