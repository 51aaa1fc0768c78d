-- A brand's change of an order's specification before the plant's freeze point (the change saga): requested here,
-- decided by the plant (APPLIED or REFUSED). Holds the whole specification asked for, so the outcome can be applied
-- as it is.
CREATE TABLE order_change (
    id              uuid PRIMARY KEY,
    order_id        uuid NOT NULL REFERENCES orders (id),
    status          text NOT NULL,
    exterior_colour text NOT NULL,
    interior        text NOT NULL,
    wheels          text NOT NULL,
    option_packs    text NOT NULL,
    market          text NOT NULL,
    requested_at    timestamp with time zone NOT NULL,
    decided_at      timestamp with time zone,
    detail          text,
    planned_date    date,
    slot_kept       boolean
);
CREATE INDEX order_change_order ON order_change (order_id, requested_at);
-- At most one change of an order waits for the plant at a time: its outcome is decided on the spec it was asked on.
CREATE UNIQUE INDEX order_change_one_pending ON order_change (order_id) WHERE status = 'REQUESTED';
