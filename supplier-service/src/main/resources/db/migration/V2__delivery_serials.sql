-- Pack serials are unique per supplier. A delivery keeps its range as prefix + first/last number so that a
-- confirmation sent twice (or mistyped) is refused instead of counting the same packs twice.
ALTER TABLE delivery
    ADD COLUMN serial_prefix text,
    ADD COLUMN serial_first  bigint,
    ADD COLUMN serial_last   bigint;
UPDATE delivery SET serial_prefix = regexp_replace(serial_from, '[0-9]+$', ''),
                    serial_first  = substring(serial_from FROM '[0-9]+$')::bigint,
                    serial_last   = substring(serial_to FROM '[0-9]+$')::bigint;
ALTER TABLE delivery
    ALTER COLUMN serial_prefix SET NOT NULL,
    ALTER COLUMN serial_first SET NOT NULL,
    ALTER COLUMN serial_last SET NOT NULL;
CREATE INDEX delivery_serials ON delivery (serial_prefix, serial_first);
