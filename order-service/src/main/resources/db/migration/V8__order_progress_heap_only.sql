-- The tracker updates an order at every step of its car (scheduled, started, built, booked, departed, arrived). An
-- update that changes no indexed column and finds room on its row's page is heap-only (HOT): PostgreSQL writes no
-- index entry for it. Every step changed the indexed status, so each wrote an entry in all six indexes of the table.
-- Without that index three steps in four are heap-only (TrackerBenchmark: PostgreSQL's CPU a fifth lower, the table
-- half the size). The order list's status filter reads the brand's index in the list's order; its count reads the
-- brand's rows, as the unfiltered list's does (about 50 ms at 300,000 orders). Rows are written 30% short of a full
-- page, room for their next versions; pages written before stay packed until rewritten (VACUUM FULL).
DROP INDEX orders_status;
ALTER TABLE orders SET (fillfactor = 70);
