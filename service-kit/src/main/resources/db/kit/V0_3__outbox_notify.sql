-- Wakes the outbox relay at commit instead of a poll: every statement that appends outbox rows notifies the channel
-- OutboxNotifications.CHANNEL. PostgreSQL delivers a notification only when its transaction commits (never for one
-- that rolls back) and folds the identical notifications of one transaction into one, so a transaction appending
-- many rows costs one notification and no extra round trip.
CREATE FUNCTION outbox_event_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event_appended', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_appended AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_appended();
