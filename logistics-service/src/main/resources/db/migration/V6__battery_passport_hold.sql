-- The latest battery passport of each order's pack (BatteryPassportIssued from supplier-service): a newer version
-- replaces an older one, never the other way round. It may arrive before the car's VehicleBuilt.
CREATE TABLE battery_passport (
    order_id      uuid PRIMARY KEY,
    vin           text,
    market        text,
    pack_serial   text,
    passport_url  text,
    version       integer NOT NULL,
    complete      boolean NOT NULL,
    missing       text[] NOT NULL,
    issued_at     timestamp with time zone NOT NULL
);

-- A car held (status HELD) is not booked until the reason is gone: why, and since when.
ALTER TABLE shipment
    ADD COLUMN hold_reason text,
    ADD COLUMN held_at     timestamp with time zone;

CREATE INDEX shipment_held ON shipment (held_at) WHERE status = 'HELD';
