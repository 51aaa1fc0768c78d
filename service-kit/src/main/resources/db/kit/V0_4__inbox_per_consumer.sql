-- An inbox per consumer of a service: two consumers of the same topic (the service's own handler and its webhook
-- recorder, in consumer groups of their own) each apply an event once. '' is the service's own consumers
-- (Inbox.SERVICE), so the rows written before this migration keep their meaning.
ALTER TABLE processed_event ADD COLUMN consumer text NOT NULL DEFAULT '';
ALTER TABLE processed_event DROP CONSTRAINT processed_event_pkey;
ALTER TABLE processed_event ADD PRIMARY KEY (event_id, consumer);
