-- Tells every instance, at commit, that a generation ended (completed or failed), whichever code path ended it: the
-- worker, the lease expiry, housekeeping. A request that asked to wait for its design (Prefer: wait) is woken by
-- this instead of polling the table. A notification is only a wake-up; the row stays the truth.
CREATE FUNCTION notify_generation_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('generation_ended', NEW.id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER generation_ended
    AFTER UPDATE OF status ON generations
    FOR EACH ROW
    WHEN (NEW.status IN ('completed', 'failed') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION notify_generation_ended();
