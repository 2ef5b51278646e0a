-- How many designs each user's history holds (generations not deleted), kept by the database as designs are made and
-- deleted: a page of history (GET /api/generations) reads its `total` here instead of counting the history, which for
-- a user of 10,000 designs was most of the page's cost. A page filtered by status still counts, in its own index.
--
-- The triggers below are the only writers, whichever code path (or instance, or version of the service) inserts or
-- deletes a generation, so the number cannot drift from the rows. A status change does not touch it: the worker's
-- updates name no column these triggers watch. The row is locked by an accept from its insert until its commit, after
-- the user's credits (which an accept locks first) and after a refined design (locked before its refinement is
-- written); a deletion locks its design first, then this row: both take this row last.
CREATE TABLE history_totals (
    user_id uuid   PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    designs bigint NOT NULL CHECK (designs >= 0)
);

CREATE FUNCTION count_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        -- the user's own deletion removes the row too (ON DELETE CASCADE): then there is nothing left to count down
        UPDATE history_totals SET designs = designs - 1 WHERE user_id = OLD.user_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
        INSERT INTO history_totals AS t (user_id, designs) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET designs = t.designs + 1;
    END IF;
    RETURN NULL;
END;
$$;

-- the table is locked against writes from here to the commit, so the count below misses and repeats nothing
CREATE TRIGGER history_counted_insert
    AFTER INSERT ON generations
    FOR EACH ROW WHEN (NEW.deleted_at IS NULL)
    EXECUTE FUNCTION count_history();
CREATE TRIGGER history_counted_update
    AFTER UPDATE OF deleted_at, user_id ON generations
    FOR EACH ROW WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
                       OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION count_history();
CREATE TRIGGER history_counted_delete
    AFTER DELETE ON generations
    FOR EACH ROW WHEN (OLD.deleted_at IS NULL)
    EXECUTE FUNCTION count_history();

INSERT INTO history_totals (user_id, designs)
SELECT user_id, count(*) FROM generations WHERE deleted_at IS NULL GROUP BY user_id;
