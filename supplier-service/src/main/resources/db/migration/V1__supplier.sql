CREATE TABLE supplier (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    country text NOT NULL
);
INSERT INTO supplier (code, name, country) VALUES
    ('LGES', 'LG Energy Solution', 'KR'),
    ('SKON', 'SK On', 'KR'),
    ('SDI', 'Samsung SDI', 'KR'),
    ('CATL', 'Contemporary Amperex Technology', 'CN');

CREATE TABLE contract (
    id                   uuid PRIMARY KEY,
    supplier_code        text NOT NULL REFERENCES supplier (code),
    status               text NOT NULL,
    valid_from           date NOT NULL,
    valid_to             date NOT NULL,
    capacity_kwh         double precision NOT NULL,
    chemistry            text NOT NULL,
    monthly_committed    integer NOT NULL,
    monthly_flex_min     integer NOT NULL,
    monthly_flex_max     integer NOT NULL,
    price_per_kwh        numeric(12, 2) NOT NULL,
    currency             text NOT NULL,
    cell_origin          text NOT NULL,
    pack_origin          text NOT NULL,
    carbon_kg_per_kwh    double precision,
    version              integer NOT NULL,
    updated_by           text NOT NULL,
    updated_at           timestamp with time zone NOT NULL
);
CREATE INDEX contract_supplier ON contract (supplier_code);

-- Every version of every contract: the amendment history.
CREATE TABLE contract_version (
    contract_id uuid NOT NULL REFERENCES contract (id),
    version     integer NOT NULL,
    snapshot    text NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamp with time zone NOT NULL,
    PRIMARY KEY (contract_id, version)
);

CREATE TABLE delivery (
    id            uuid PRIMARY KEY,
    contract_id   uuid NOT NULL REFERENCES contract (id),
    packs         integer NOT NULL,
    serial_from   text NOT NULL,
    serial_to     text NOT NULL,
    delivered_on  date NOT NULL,
    week          text NOT NULL,
    confirmed_by  text NOT NULL,
    created_at    timestamp with time zone NOT NULL
);
CREATE INDEX delivery_contract ON delivery (contract_id);

-- Demand learned from the plant: an order counts once, in the week it is planned or blocked in.
CREATE TABLE demand (
    order_id uuid PRIMARY KEY,
    region   text NOT NULL,
    week     text NOT NULL
);
CREATE INDEX demand_week ON demand (week, region);

-- The allocation last announced per week and region (PacksAllocated carries these totals).
CREATE TABLE allocation (
    week         text NOT NULL,
    region       text NOT NULL,
    packs        integer NOT NULL,
    sources      text NOT NULL,
    allocated_at timestamp with time zone NOT NULL,
    PRIMARY KEY (week, region)
);

CREATE TABLE shortage_alert (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL,
    week        text NOT NULL,
    region      text NOT NULL,
    demand      integer NOT NULL,
    supply      integer NOT NULL,
    gap         integer NOT NULL,
    severity    text NOT NULL,
    detail      text NOT NULL,
    status      text NOT NULL,
    raised_at   timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone
);
CREATE UNIQUE INDEX shortage_alert_open ON shortage_alert (kind, week, region) WHERE status = 'OPEN';
