-- Outbox rows Kafka refuses: counted, retried with back-off, parked for an operator after too many refusals or at
-- once for a refusal that cannot pass (a record too large, a topic the service may not write).
ALTER TABLE outbox_event
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN last_error      text,
    ADD COLUMN next_attempt_at timestamp with time zone,
    ADD COLUMN parked_at       timestamp with time zone,
    ADD COLUMN park_reason     text,
    -- Wall-clock time of the write (occurred_at is the plant clock, accelerated in the local run): the age of
    -- the backlog is measured from it.
    ADD COLUMN written_at      timestamp with time zone NOT NULL DEFAULT now();

-- Rows that were refused and are not published: they hold back the later rows of their subject (the claim looks
-- them up by subject). Empty while Kafka takes everything.
CREATE INDEX outbox_event_refused ON outbox_event (subject, seq) WHERE published_at IS NULL AND attempts > 0;
