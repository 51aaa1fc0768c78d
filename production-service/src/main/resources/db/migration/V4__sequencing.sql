-- What the line sequence needs of a Polestar build: its paint colour and option packs (null for builds placed
-- before OrderPlaced carried them).
ALTER TABLE build ADD COLUMN exterior_colour text;
ALTER TABLE build ADD COLUMN option_packs text;

-- The sequencing rules in force (the highest version) and their audit trail, as the calendar's.
CREATE TABLE sequencing_rules_version (
    version     integer PRIMARY KEY,
    definition  text NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamp with time zone NOT NULL
);

-- The plant's own cars of a production day (JSON list of ident, colour, option codes), replaced as a whole.
CREATE TABLE plant_vehicles (
    day          date PRIMARY KEY,
    vehicles     text NOT NULL,
    received_by  text NOT NULL,
    received_at  timestamp with time zone NOT NULL
);

-- The line sequence of a production day: its cars in line order (JSON), its counts, and the hash of the inputs it
-- was computed from (rules, builds, plant vehicles, D-1 cars) so a change is seen; frozen ones never change.
CREATE TABLE line_sequence (
    day                      date PRIMARY KEY,
    inputs                   text NOT NULL,
    cars                     text NOT NULL,
    car_count                integer NOT NULL,
    high_priority_violations bigint NOT NULL,
    low_priority_violations  bigint NOT NULL,
    colour_changes           bigint NOT NULL,
    paint_batches_over_limit bigint NOT NULL,
    objective                bigint NOT NULL,
    rules_version            integer NOT NULL,
    computed_at              timestamp with time zone NOT NULL,
    frozen_at                timestamp with time zone
);
