-- The tracker adds a timeline row for every event it follows (six or more per car), so each index of the table is
-- written as often. A step is identified by its order and its event: that pair is the key now, in place of a random
-- surrogate id, and it also serves the timeline's one read (an order's steps, a handful a car, sorted after it).
-- Three index entries per step become one.
ALTER TABLE order_timeline DROP CONSTRAINT order_timeline_pkey;
ALTER TABLE order_timeline DROP COLUMN id;
DROP INDEX order_timeline_order;
ALTER TABLE order_timeline DROP CONSTRAINT order_timeline_event;
ALTER TABLE order_timeline ADD CONSTRAINT order_timeline_pkey PRIMARY KEY (order_id, event_id);
