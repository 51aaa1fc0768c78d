-- Partner webhooks (com.busanev.kit.webhook): subscriptions and the deliveries owed to them. Every service has the
-- tables (the kit's entities are validated everywhere); only a service with kit.webhooks.enabled=true fills them.

-- A partner's endpoint and the event types it wants. Two secrets live during a rotation: the previous one until
-- previous_secret_expires_at, and every request is signed with both meanwhile.
CREATE TABLE webhook_subscription (
    id                         uuid PRIMARY KEY,
    owner                      text NOT NULL,
    url                        text NOT NULL,
    event_types                text[] NOT NULL,
    description                text,
    secret                     text NOT NULL,
    previous_secret            text,
    previous_secret_expires_at timestamp with time zone,
    enabled                    boolean NOT NULL,
    disabled_at                timestamp with time zone,
    disabled_reason            text,
    created_by                 text NOT NULL,
    created_at                 timestamp with time zone NOT NULL,
    updated_at                 timestamp with time zone NOT NULL
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner, created_at);

-- One event owed to one subscription: created by the service's webhook recorder (a consumer with an inbox of its
-- own) in the transaction that records the event as consumed, sent by WebhookSender. payload is the request body
-- (the event as a structured CloudEvent), fixed at creation so a retry or redelivery sends the same bytes.
-- A delivery is PENDING until a 2xx answer makes it DELIVERED; while it is being sent next_attempt_at is the end
-- of the sender's lease, so a sender that died leaves it due again once the lease ran out.
CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    seq              bigserial NOT NULL,
    subscription_id  uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         text NOT NULL,
    event_type       text NOT NULL,
    ordering_key     text NOT NULL,
    event_time       timestamp with time zone NOT NULL,
    payload          text NOT NULL,
    status           text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    first_attempt_at timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    next_attempt_at  timestamp with time zone,
    last_status_code integer,
    last_latency_ms  integer,
    last_error       text,
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT webhook_delivery_event UNIQUE (subscription_id, event_id)
);
-- The sender's claim: due deliveries, and for each the earlier pending ones of its key (order per key).
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_key ON webhook_delivery (subscription_id, ordering_key, event_time, seq)
    WHERE status = 'PENDING';
-- The delivery log and the redelivery of a time range.
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, event_time);
