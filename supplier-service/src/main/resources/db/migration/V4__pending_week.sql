-- Weeks whose demand changed since they were last allocated. Demand events only mark their week here (in their own
-- transaction, so no mark is lost); PendingWeeks recomputes each marked week once per tick, however many events
-- touched it, instead of once per event.
CREATE TABLE pending_week (
    week text PRIMARY KEY
);
