-- Uploads and generations. The generations table is also the work queue: workers claim rows with
-- FOR UPDATE SKIP LOCKED and a lease (locked_by, locked_until); attempts fences stale workers.

CREATE TABLE uploads (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    storage_key  text        NOT NULL UNIQUE,
    content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        integer     NOT NULL CHECK (width > 0),
    height       integer     NOT NULL CHECK (height > 0),
    size_bytes   integer     NOT NULL CHECK (size_bytes > 0),
    created_at   timestamptz NOT NULL
);
CREATE INDEX ix_uploads_user ON uploads (user_id, created_at DESC);

CREATE TABLE generations (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status              text        NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    input_type          text        NOT NULL CHECK (input_type IN ('photo', 'address')),
    input_address       text        CHECK (length(input_address) BETWEEN 5 AND 200),
    input_upload_id     uuid        REFERENCES uploads (id),
    style               text        NOT NULL,
    custom_prompt       text        CHECK (length(custom_prompt) <= 500),
    credit_type         text        NOT NULL CHECK (credit_type IN ('trial', 'token')),
    credit_refunded     boolean     NOT NULL DEFAULT false,
    output_image_key    text,
    output_content_type text,
    error_message       text,
    prompt              text,
    designer            text,
    attempts            integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    locked_by           text,
    locked_until        timestamptz,
    -- the worker whose attempt finished the generation, kept for operators
    processed_by        text,
    created_at          timestamptz NOT NULL,
    started_at          timestamptz,
    completed_at        timestamptz,
    processing_time_ms  bigint      CHECK (processing_time_ms >= 0),
    CONSTRAINT generations_input CHECK (
        (input_type = 'address' AND input_address IS NOT NULL AND input_upload_id IS NULL)
        OR (input_type = 'photo' AND input_upload_id IS NOT NULL AND input_address IS NULL)),
    CONSTRAINT generations_completed CHECK (
        (status = 'completed') = (output_image_key IS NOT NULL AND completed_at IS NOT NULL)),
    CONSTRAINT generations_failed CHECK ((status = 'failed') = (error_message IS NOT NULL)),
    -- only a failed generation is refunded
    CONSTRAINT generations_refund CHECK (NOT credit_refunded OR status = 'failed'),
    CONSTRAINT generations_lease CHECK ((status = 'processing') = (locked_by IS NOT NULL AND locked_until IS NOT NULL))
);
-- history: newest first, per user, optionally by status
CREATE INDEX ix_generations_user_history ON generations (user_id, created_at DESC, id DESC);
CREATE INDEX ix_generations_user_status_history ON generations (user_id, status, created_at DESC, id DESC);
-- the queue: only unfinished rows are indexed
CREATE INDEX ix_generations_queue ON generations (created_at) WHERE status IN ('pending', 'processing');

-- every charge and refund belongs to a generation (deferred: both are written in one transaction)
ALTER TABLE credit_ledger
    ADD CONSTRAINT fk_credit_ledger_generation FOREIGN KEY (generation_id) REFERENCES generations (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

-- rate limit: one row per accepted attempt, shared by every instance of the service
CREATE TABLE rate_limit_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL
);
CREATE INDEX ix_rate_limit_attempts_user_time ON rate_limit_attempts (user_id, attempted_at);
CREATE INDEX ix_rate_limit_attempts_time ON rate_limit_attempts (attempted_at);

-- Idempotency-Key: the first answer to a request, replayed for retries with the same key and body
CREATE TABLE idempotency_keys (
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash    bytea       NOT NULL,
    generation_id   uuid        NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    -- the first answer, replayed as it was
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
