-- Tables of the service kit, the same in every service's database.

-- Transactional outbox: written with the state change, relayed to Kafka by OutboxRelay.
CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    seq          bigserial NOT NULL,
    topic        text NOT NULL,
    event_type   text NOT NULL,
    subject      text NOT NULL,
    payload      text NOT NULL,
    occurred_at  timestamp with time zone NOT NULL,
    published_at timestamp with time zone
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: ids of consumed events, inserted in the transaction that applies them.
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,
    event_type   text NOT NULL,
    processed_at timestamp with time zone NOT NULL DEFAULT now()
);

-- Idempotency-Key of POST creates: the first result is replayed for the same key and body.
CREATE TABLE idempotency_key (
    scope           text NOT NULL,
    idempotency_key text NOT NULL,
    request_hash    text NOT NULL,
    response_status integer NOT NULL,
    response_body   text NOT NULL,
    created_at      timestamp with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
