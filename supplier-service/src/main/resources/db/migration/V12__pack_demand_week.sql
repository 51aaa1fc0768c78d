-- The supply planner counts the packs built into cars by the week of the car's demand, at every recompute, for the
-- weeks it walks (the current week on, and any past week whose demand changed). That was a join of pack and demand:
-- the planned weeks' demand, nearly all of it not yet built, each probed for a consumed pack, so the count grew with
-- the plan and the plant's history (315 ms a call at 80,000 cars built, under the planning lock). The week is now kept
-- on the pack when it is built in (a built car's demand does not move), and an index holds the consumed packs by week.
ALTER TABLE pack ADD COLUMN demand_week text;
UPDATE pack p SET demand_week = d.week FROM demand d WHERE d.order_id = p.order_id AND p.status = 'CONSUMED';
CREATE INDEX pack_consumed_week ON pack (demand_week, contract_id) WHERE status = 'CONSUMED';
