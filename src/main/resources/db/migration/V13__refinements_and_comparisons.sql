-- Refinements: a generation may refine a completed one (parent_id), with the homeowner's feedback. Every generation
-- of one lineage shares the family_id of its first design, so that the versions are one indexed read.
ALTER TABLE generations
    ADD COLUMN parent_id     uuid REFERENCES generations (id),
    ADD COLUMN family_id     uuid,
    ADD COLUMN feedback      text CHECK (length(feedback) BETWEEN 1 AND 500),
    ADD COLUMN notes         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(notes) = 'array');
UPDATE generations SET family_id = id;
ALTER TABLE generations ALTER COLUMN family_id SET NOT NULL;
-- a first design is its own family; a refinement says what to change (unless deleted: feedback is personal)
ALTER TABLE generations ADD CONSTRAINT generations_refinement CHECK (
    (parent_id IS NULL AND family_id = id AND feedback IS NULL)
    OR (parent_id IS NOT NULL AND family_id <> id AND (feedback IS NOT NULL OR deleted_at IS NOT NULL)));
CREATE INDEX ix_generations_family ON generations (family_id, created_at, id);
CREATE INDEX ix_generations_parent ON generations (parent_id) WHERE parent_id IS NOT NULL;

ALTER TABLE generations DROP CONSTRAINT generations_deleted;
ALTER TABLE generations ADD CONSTRAINT generations_deleted CHECK (
    deleted_at IS NULL
    OR (status IN ('completed', 'failed') AND input_address IS NULL AND input_upload_id IS NULL
        AND custom_prompt IS NULL AND prompt IS NULL AND output_image_key IS NULL
        AND output_content_type IS NULL AND site IS NULL AND street_image_key IS NULL
        AND overhead_image_key IS NULL AND feedback IS NULL));

-- Comparisons: two or three styles of one input, accepted together (all or nothing) as one request.
CREATE TABLE comparisons (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_comparisons_user ON comparisons (user_id);

ALTER TABLE generations
    ADD COLUMN comparison_id       uuid REFERENCES comparisons (id),
    ADD COLUMN comparison_position smallint CHECK (comparison_position BETWEEN 0 AND 2);
ALTER TABLE generations ADD CONSTRAINT generations_comparison CHECK (
    (comparison_id IS NULL) = (comparison_position IS NULL));
CREATE UNIQUE INDEX uq_generations_comparison_position ON generations (comparison_id, comparison_position)
    WHERE comparison_id IS NOT NULL;

-- an idempotent request may be a comparison: its replay names the comparison, not a generation
ALTER TABLE idempotency_keys ADD COLUMN comparison_id uuid REFERENCES comparisons (id) ON DELETE CASCADE;
