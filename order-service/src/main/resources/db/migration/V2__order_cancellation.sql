-- A cancel is a request the plant decides (the cancel saga): the order keeps its status and records the request and
-- then its outcome (REQUESTED, CANCELLED or REFUSED).
ALTER TABLE orders
    ADD COLUMN cancel_status       text,
    ADD COLUMN cancel_requested_at timestamp with time zone,
    ADD COLUMN cancel_reason       text,
    ADD COLUMN cancel_decided_at   timestamp with time zone,
    ADD COLUMN cancel_detail       text;

-- Orders cancelled before the saga were cancelled on the spot: request and outcome at once.
UPDATE orders SET cancel_status = 'CANCELLED', cancel_requested_at = status_at, cancel_decided_at = status_at
WHERE status = 'CANCELLED';
