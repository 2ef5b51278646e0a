-- Upload quotas and the removal of unused photos (yarda.uploads.*).
--
-- upload_usage records every upload a user made, for the daily quotas (uploads and bytes per user per 24 hours).
-- It is not the uploads table on purpose: uploads rows go away (a deleted design takes its photo along, unused photos
-- are removed after a while), and a quota counted from them would be given back by every deletion, so that an
-- upload/delete loop would be free. A usage row is only ever inserted, in the transaction that inserts its upload, and
-- removed by housekeeping once it is older than the quota's window and counts no more.
CREATE TABLE upload_usage (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the bytes as stored (after re-encoding), which is what fills the disk
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX ix_upload_usage_user_time ON upload_usage (user_id, uploaded_at);
CREATE INDEX ix_upload_usage_time ON upload_usage (uploaded_at);

-- photos that no design uses are removed after yarda.uploads.unused-retention, oldest first
CREATE INDEX ix_uploads_created ON uploads (created_at);
