-- A design of this yard in its climate: the site resolved while the design was drawn (API.md "The site"),
-- the pictures of it that were fetched, and what the finished design is made of ("What a design is made of").
ALTER TABLE generations
    ADD COLUMN site               jsonb,
    ADD COLUMN street_image_key   text,
    ADD COLUMN overhead_image_key text,
    ADD COLUMN plants             jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN materials          jsonb NOT NULL DEFAULT '[]';

ALTER TABLE generations ADD CONSTRAINT generations_parts CHECK (
    jsonb_typeof(plants) = 'array' AND jsonb_typeof(materials) = 'array'
    AND (site IS NULL OR jsonb_typeof(site) = 'object'));

-- a photo design may say where the yard is ("where is this yard?"), so that it gets a site and a zone
ALTER TABLE generations DROP CONSTRAINT generations_input;
ALTER TABLE generations ADD CONSTRAINT generations_input CHECK (
    deleted_at IS NOT NULL
    OR (input_type = 'address' AND input_address IS NOT NULL AND input_upload_id IS NULL)
    OR (input_type = 'photo' AND input_upload_id IS NOT NULL));

-- a deleted design keeps nothing of the place either: not where it is, not what it looks like
ALTER TABLE generations DROP CONSTRAINT generations_deleted;
ALTER TABLE generations ADD CONSTRAINT generations_deleted CHECK (
    deleted_at IS NULL
    OR (status IN ('completed', 'failed') AND input_address IS NULL AND input_upload_id IS NULL
        AND custom_prompt IS NULL AND prompt IS NULL AND output_image_key IS NULL
        AND output_content_type IS NULL AND site IS NULL AND street_image_key IS NULL
        AND overhead_image_key IS NULL));
