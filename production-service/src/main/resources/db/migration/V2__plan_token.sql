-- The plan cache key becomes a random token written by each planning transaction that changes the plan. A version
-- number claimed before commit could be committed by another replica after this one rolled back, leaving a stale
-- cache that looked current; a random token is never reused.
ALTER TABLE plan_state DROP COLUMN version;
ALTER TABLE plan_state ADD COLUMN token text NOT NULL DEFAULT 'initial';
