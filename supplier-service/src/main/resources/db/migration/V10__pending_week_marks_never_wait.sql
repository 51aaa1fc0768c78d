-- A week marked twice is two rows now. With the week as primary key, a demand batch marking a week the recompute tick
-- was taking (its DELETE not committed yet) waited for the whole recompute: at full volume the demand consumer spent
-- 68 s of every 3 minutes there. A plain insert waits for nothing; the tick takes every row its snapshot sees
-- (later marks stay for the next tick) and recomputes each week once.
ALTER TABLE pending_week DROP CONSTRAINT pending_week_pkey;
ALTER TABLE pending_week ADD COLUMN mark bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
