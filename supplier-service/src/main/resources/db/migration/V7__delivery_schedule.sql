-- Weekly delivery schedules (DELFOR-like call-offs): per contract a numbered revision each time one is issued, the
-- earlier revisions kept (SUPERSEDED) as the history of what was asked when.
CREATE TABLE delivery_schedule (
    id              uuid PRIMARY KEY,
    contract_id     uuid NOT NULL REFERENCES contract (id),
    supplier_code   text NOT NULL,
    revision        integer NOT NULL,
    status          text NOT NULL,
    issued_at       timestamp with time zone NOT NULL,
    issued_by       text NOT NULL,
    acknowledged_at timestamp with time zone,
    acknowledged_by text,
    UNIQUE (contract_id, revision)
);
CREATE INDEX delivery_schedule_supplier ON delivery_schedule (supplier_code, issued_at);

-- The packs called off per ISO week of a revision: FIRM (copied unchanged into later revisions) or FORECAST.
CREATE TABLE delivery_schedule_line (
    schedule_id uuid NOT NULL REFERENCES delivery_schedule (id),
    week        text NOT NULL,
    packs       integer NOT NULL,
    kind        text NOT NULL,
    flex_min    integer NOT NULL,
    flex_max    integer NOT NULL,
    PRIMARY KEY (schedule_id, week)
);

-- A shortfall against a firm call-off is a shortage alert of its own kind (CALL_OFF), one per contract, week and
-- region, naming the supplier and the orders at risk; the other kinds have no contract.
ALTER TABLE shortage_alert
    ADD COLUMN contract_id    uuid,
    ADD COLUMN supplier       text,
    ADD COLUMN orders_at_risk text;
DROP INDEX shortage_alert_open;
CREATE UNIQUE INDEX shortage_alert_open ON shortage_alert (kind, week, region, coalesce(contract_id, '00000000-0000-0000-0000-000000000000'))
    WHERE status = 'OPEN';
