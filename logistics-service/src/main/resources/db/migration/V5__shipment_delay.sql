-- The latest delay of a car (ShipmentDelayed): kept on the shipment so that the operator can list delayed cars,
-- not only read the event. first_eta is the ETA promised at booking, so the delay reads against the promise.
ALTER TABLE shipment
    ADD COLUMN first_eta    timestamp with time zone,
    ADD COLUMN delayed_at   timestamp with time zone,
    ADD COLUMN delay_reason text;

CREATE INDEX shipment_delayed ON shipment (delayed_at DESC) WHERE delayed_at IS NOT NULL;
