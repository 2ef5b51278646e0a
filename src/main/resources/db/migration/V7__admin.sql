-- Operators: the audit log of every change an admin makes, and the indexes of the operator views.

CREATE TABLE admin_audit (
    seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    -- no foreign keys: the record of what an admin did outlives both accounts
    admin_id       uuid        NOT NULL,
    admin_email    text        NOT NULL,
    action         text        NOT NULL CHECK (action ~ '^[a-z_]{1,64}$'),
    target_user_id uuid,
    reason         text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    details        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX ix_admin_audit_target ON admin_audit (target_user_id, seq DESC);

-- the audit log is append-only, whatever the code does
CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin_audit is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit
    FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only();

-- failed generations across users, most recently finished first; finished ones for the failure rate
CREATE INDEX ix_generations_failed ON generations (completed_at DESC, id DESC) WHERE status = 'failed';
CREATE INDEX ix_generations_finished ON generations (completed_at) WHERE status IN ('completed', 'failed');
