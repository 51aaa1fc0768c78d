-- The plant's projection of the battery packs supplier-service received (PacksReceived): the floor checks a scanned
-- serial here and consumes it in the completion's own transaction (no call to supplier-service, no dual write);
-- VehicleBuilt then tells supplier-service which car took it. allowed_markets is ",US,CA,KR," (a market's code
-- between commas): the markets whose sourcing rule the pack satisfied when it was received.
CREATE TABLE received_pack (
    serial          text PRIMARY KEY,
    supplier        text NOT NULL,
    contract_id     uuid NOT NULL,
    delivery_id     uuid NOT NULL,
    allowed_markets text NOT NULL,
    received_on     date NOT NULL,
    order_id        uuid UNIQUE,
    consumed_at     timestamp with time zone
);
CREATE INDEX received_pack_available ON received_pack (received_on, serial) WHERE order_id IS NULL;
