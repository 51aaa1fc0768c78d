-- The promise model: what production-service and logistics-service last announced of the line's free builds per
-- week and region (LineAvailability) and of the sailings (SailingScheduled). order-service keeps it in memory
-- (PromiseModel) and promises build weeks and delivery windows from it at intake, without asking anyone.
CREATE TABLE promise_week (
    region      text NOT NULL,
    week        text NOT NULL,
    free        integer NOT NULL,
    computed_at timestamp with time zone NOT NULL,
    PRIMARY KEY (region, week)
);
CREATE TABLE promise_sailing (
    voyage_id        uuid PRIMARY KEY,
    destination_port text NOT NULL,
    cut_off          timestamp with time zone NOT NULL,
    eta              timestamp with time zone NOT NULL,
    scheduled_at     timestamp with time zone NOT NULL
);

-- The promise an order was given at placement (null when the model had none for it).
ALTER TABLE orders
    ADD COLUMN promised_week text,
    ADD COLUMN promised_from timestamp with time zone,
    ADD COLUMN promised_to   timestamp with time zone;
