-- One row per Polestar 4 order the plant knows of, from OrderPlaced to VehicleBuilt.
CREATE TABLE build (
    order_id        uuid PRIMARY KEY,
    brand           text NOT NULL,
    market          text NOT NULL,
    region          text NOT NULL,
    variant         text NOT NULL,
    requested_week  text,
    priority        integer NOT NULL,
    placed_at       timestamp with time zone NOT NULL,
    status          text NOT NULL,
    planned_date    date,
    blocked_reason  text,
    blocked_week    text,
    blocked_detail  text,
    started_at      timestamp with time zone,
    completed_at    timestamp with time zone,
    vin             text UNIQUE,
    pack_serial     text,
    pack_supplier   text,
    defects         integer,
    co2_kg          double precision,
    version         integer NOT NULL
);
CREATE INDEX build_planned ON build (planned_date) WHERE status IN ('SCHEDULED', 'IN_PRODUCTION', 'BUILT');
CREATE INDEX build_blocked ON build (region, priority DESC, placed_at) WHERE status = 'BLOCKED';
CREATE INDEX build_status ON build (status);

-- Totals of PacksAllocated per ISO week and region: the newest allocation wins.
CREATE TABLE pack_budget (
    week         text NOT NULL,
    region       text NOT NULL,
    allocated    integer NOT NULL,
    suppliers    text NOT NULL,
    allocated_at timestamp with time zone NOT NULL,
    PRIMARY KEY (week, region)
);

-- The plant calendar in force and every version it had (who changed what, when).
CREATE TABLE calendar_version (
    version     integer PRIMARY KEY,
    definition  text NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamp with time zone NOT NULL
);

-- Bumped by every planning transaction; a replica whose in-memory plan is older reloads it.
CREATE TABLE plan_state (
    id      integer PRIMARY KEY,
    version bigint NOT NULL
);
INSERT INTO plan_state (id, version) VALUES (1, 0);

CREATE SEQUENCE vin_serial START 1;
