-- The history benchmark's user: :rows finished designs (psql variables user_id and rows), written in bulk because
-- accepting and drawing them through the API would take minutes. The tokens that pay for them were granted through
-- the admin API first (bench/run.sh); here each design is charged as Credits.consumeFor charges one: the account's
-- token balance goes down by one and a consume entry of -1 records the balance right after it. One transaction,
-- ending with the same check as reliability/lib.sh's invariants: it commits only if every ledger adds up.
BEGIN;

WITH g AS (
    INSERT INTO generations (id, family_id, user_id, status, input_type, input_address, style, credit_type, output_image_key,
                             output_content_type, attempts, created_at, started_at, completed_at, processing_time_ms,
                             processed_by)
    SELECT fresh.id, fresh.id, :'user_id'::uuid, 'completed', 'address', fresh.i || ' History Lane, Springfield', 'japanese_zen',
           'token', 'bench/none.png', 'image/png', 1, now() - make_interval(mins => fresh.i), now() - make_interval(mins => fresh.i),
           now() - make_interval(mins => fresh.i) + interval '2 seconds', 2000, 'bench'
      FROM (SELECT i, gen_random_uuid() AS id FROM generate_series(1, :rows) i) AS fresh
    RETURNING id, user_id, created_at),
paid AS (
    -- CHECK (token_balance >= 0): the grant must have come first
    UPDATE credit_accounts SET token_balance = token_balance - :rows, updated_at = now()
     WHERE user_id = :'user_id'::uuid
    RETURNING token_balance + :rows AS balance_before)
INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, generation_id, created_at)
SELECT gen_random_uuid(), g.user_id, 'consume', 'token', -1,
       paid.balance_before - row_number() OVER (ORDER BY g.created_at, g.id), g.id, g.created_at
  FROM g CROSS JOIN paid;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM credit_accounts a
                WHERE a.trial_credits <> (SELECT COALESCE(sum(amount), 0) FROM credit_ledger l
                                           WHERE l.user_id = a.user_id AND l.credit_type = 'trial')
                   OR a.token_balance <> (SELECT COALESCE(sum(amount), 0) FROM credit_ledger l
                                           WHERE l.user_id = a.user_id AND l.credit_type = 'token')) THEN
        RAISE EXCEPTION 'the seeded ledger does not add up to the balances';
    END IF;
    IF EXISTS (SELECT 1 FROM generations g
                WHERE NOT EXISTS (SELECT 1 FROM credit_ledger l WHERE l.generation_id = g.id AND l.kind = 'consume')) THEN
        RAISE EXCEPTION 'a seeded generation has no consume entry';
    END IF;
END
$$;

COMMIT;
-- as autovacuum leaves a history older than a few minutes: statistics, and a visibility map that lets the history's
-- count read the index alone (an index-only scan) instead of visiting every row just written
VACUUM (ANALYZE) generations;
