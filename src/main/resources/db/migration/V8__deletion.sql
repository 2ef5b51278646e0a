-- Deleting a design. The row stays, because the ledger's consume and refund entries belong to it and the ledger
-- is append-only (a balance must keep adding up); everything personal in it goes: the address, the photo, the
-- instruction, the prompt built from them and the image. Only a finished generation can be deleted: a running
-- one still has a worker writing to it. Deleting an account deletes its rows outright (ON DELETE CASCADE).
ALTER TABLE generations ADD COLUMN deleted_at timestamptz;

ALTER TABLE generations DROP CONSTRAINT generations_input;
ALTER TABLE generations ADD CONSTRAINT generations_input CHECK (
    deleted_at IS NOT NULL
    OR (input_type = 'address' AND input_address IS NOT NULL AND input_upload_id IS NULL)
    OR (input_type = 'photo' AND input_upload_id IS NOT NULL AND input_address IS NULL));

ALTER TABLE generations DROP CONSTRAINT generations_completed;
ALTER TABLE generations ADD CONSTRAINT generations_completed CHECK (
    deleted_at IS NOT NULL
    OR (status = 'completed') = (output_image_key IS NOT NULL AND completed_at IS NOT NULL));

ALTER TABLE generations ADD CONSTRAINT generations_deleted CHECK (
    deleted_at IS NULL
    OR (status IN ('completed', 'failed') AND input_address IS NULL AND input_upload_id IS NULL
        AND custom_prompt IS NULL AND prompt IS NULL AND output_image_key IS NULL
        AND output_content_type IS NULL));

-- history shows only what was not deleted
DROP INDEX ix_generations_user_history;
DROP INDEX ix_generations_user_status_history;
CREATE INDEX ix_generations_user_history ON generations (user_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX ix_generations_user_status_history ON generations (user_id, status, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
-- photos still used by a design
CREATE INDEX ix_generations_upload ON generations (input_upload_id) WHERE input_upload_id IS NOT NULL;
