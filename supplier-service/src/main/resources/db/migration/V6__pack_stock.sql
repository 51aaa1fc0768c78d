-- Real pack stock. A delivery is now an advance shipping notice (ASN): the packs a supplier shipped, by serial,
-- expected on a day; receipts (full or partial) turn its packs into stock; a closed ASN gives up the packs that never
-- arrived. Deliveries confirmed before (one step: shipped and received) become received ASNs.
ALTER TABLE delivery
    ADD COLUMN status           text,
    ADD COLUMN expected_on      date,
    ADD COLUMN received_packs   integer,
    ADD COLUMN contract_version integer;
UPDATE delivery d SET status = 'RECEIVED', expected_on = d.delivered_on, received_packs = d.packs,
                      contract_version = (SELECT c.version FROM contract c WHERE c.id = d.contract_id);
ALTER TABLE delivery
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN expected_on SET NOT NULL,
    ALTER COLUMN received_packs SET NOT NULL,
    ALTER COLUMN contract_version SET NOT NULL,
    -- the receipt day (the last receipt of a partly received ASN); none while in transit
    ALTER COLUMN delivered_on DROP NOT NULL,
    -- an ASN may list serials that are not one range: these describe the legacy single range only
    ALTER COLUMN serial_prefix DROP NOT NULL,
    ALTER COLUMN serial_first DROP NOT NULL,
    ALTER COLUMN serial_last DROP NOT NULL;
CREATE INDEX delivery_open ON delivery (contract_id, expected_on) WHERE status IN ('IN_TRANSIT', 'PARTLY_RECEIVED');

-- One row per pack: its delivery and contract (so its cell origin and carbon declaration), whether it is in transit,
-- in stock, consumed (and by which car) or missing (its ASN closed without it). Serials are unique across suppliers.
CREATE TABLE pack (
    serial           text PRIMARY KEY,
    supplier_code    text NOT NULL,
    contract_id      uuid NOT NULL REFERENCES contract (id),
    delivery_id      uuid NOT NULL REFERENCES delivery (id),
    status           text NOT NULL,
    -- the contract version in force when the pack was received: the facts of its cells
    contract_version integer,
    received_on      date,
    order_id         uuid,
    vin              text UNIQUE,
    market           text,
    consumed_at      timestamp with time zone
);
CREATE INDEX pack_delivery ON pack (delivery_id, serial);
CREATE INDEX pack_contract_status ON pack (contract_id, status);
CREATE INDEX pack_order ON pack (order_id) WHERE order_id IS NOT NULL;

INSERT INTO pack (serial, supplier_code, contract_id, delivery_id, status, contract_version, received_on)
SELECT d.serial_prefix || lpad(n::text, length(substring(d.serial_from FROM '[0-9]+$')), '0'), c.supplier_code,
       d.contract_id, d.id, 'RECEIVED', d.contract_version, d.delivered_on
FROM delivery d JOIN contract c ON c.id = d.contract_id, generate_series(d.serial_first, d.serial_last) AS n
ON CONFLICT (serial) DO NOTHING;
