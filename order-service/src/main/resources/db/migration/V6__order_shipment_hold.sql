-- A built car logistics holds (ShipmentHeld: e.g. an EU car without a complete battery passport): why, and since
-- when; cleared when the car is booked (ShipmentBooked).
ALTER TABLE orders
    ADD COLUMN hold_reason text,
    ADD COLUMN held_at     timestamp with time zone;
