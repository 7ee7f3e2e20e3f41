-- Execution-only jobs have two live leases in sequence: the EXECUTE lease stays UPLOADED (its trace
-- is what the prover proves) while the PROVE lease is ACTIVE. "One live lease per input group"
-- therefore becomes "one live lease per input group and kind" (the index keeps its name); for
-- ordinary EXECUTE_AND_PROVE jobs nothing changes.
DROP INDEX lease_one_active_per_group;
CREATE UNIQUE INDEX lease_one_active_per_group ON lease (input_group_id, kind)
    WHERE state IN ('ACTIVE', 'UPLOADED');
