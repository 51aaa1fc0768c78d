-- Orders cancelled before their car reached logistics: OrderCancelled (order-events) and VehicleBuilt
-- (production-events) travel on different topics, so the cancel can come first; the car is then held at the plant.
CREATE TABLE cancelled_order (
    order_id     uuid PRIMARY KEY,
    cancelled_at timestamp with time zone NOT NULL
);
