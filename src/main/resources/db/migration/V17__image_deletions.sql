-- Image files whose records are deleted, until the files are gone too (storage.ImageDeletions). A row is written in
-- the transaction that deletes the records, so a committed deletion always has its rows here and a rolled back one
-- has none; right after the commit the files are deleted and their rows removed, and what could not be deleted then
-- is retried by every instance's drainer with growing delays until it is. A file that is already gone counts as
-- deleted. The keys are the store's own (random UUIDs), never reused, so a row can only ever name a dead image.
CREATE TABLE image_deletions (
    image_key       text        PRIMARY KEY CHECK (length(image_key) BETWEEN 1 AND 200),
    requested_at    timestamptz NOT NULL,
    -- tries so far; a drainer's claim adds one and its later writes are guarded by it
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- when the next try is due; a claim moves it past the claim's lease, so other drainers skip the row meanwhile
    next_attempt_at timestamptz NOT NULL,
    last_error      text
);
CREATE INDEX ix_image_deletions_due ON image_deletions (next_attempt_at);
