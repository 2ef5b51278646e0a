-- Deleting a photo (DELETE /api/uploads/{id}): the designs made from it stay, with their image, and lose their
-- "before". The reference goes with the photo (ON DELETE SET NULL) in the deleting statement itself.
ALTER TABLE generations DROP CONSTRAINT generations_input_upload_id_fkey;
ALTER TABLE generations ADD CONSTRAINT generations_input_upload_id_fkey
    FOREIGN KEY (input_upload_id) REFERENCES uploads (id) ON DELETE SET NULL;

-- A photo design keeps its photo while it is pending or processing (the worker draws from it): only a finished one
-- may have lost it. A deletion that would take the photo of an unfinished design fails here, whatever the code did.
ALTER TABLE generations DROP CONSTRAINT generations_input;
ALTER TABLE generations ADD CONSTRAINT generations_input CHECK (
    deleted_at IS NOT NULL
    OR (input_type = 'address' AND input_address IS NOT NULL AND input_upload_id IS NULL)
    OR (input_type = 'photo' AND (input_upload_id IS NOT NULL OR status IN ('completed', 'failed'))));
