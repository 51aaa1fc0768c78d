-- Tombstones of orders whose cancel request came before the plant knew them (their OrderPlaced dead-lettered):
-- the request is granted, and the OrderPlaced, if it is replayed later, must not bring the order back.
CREATE TABLE cancelled_order (
    order_id     uuid PRIMARY KEY,
    cancelled_at timestamp with time zone NOT NULL
);
