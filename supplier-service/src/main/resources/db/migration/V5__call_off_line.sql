-- The call-off in sequence: per frozen production day, each Polestar build in line order with the supplier that
-- delivers its pack. A day frozen again (a replayed or re-sent SequenceFrozen) replaces its lines.
CREATE TABLE call_off_line (
    day       date NOT NULL,
    position  integer NOT NULL,
    order_id  uuid NOT NULL,
    supplier  text NOT NULL,
    region    text,
    week      text,
    frozen_at timestamp with time zone NOT NULL,
    PRIMARY KEY (day, position)
);
CREATE INDEX call_off_line_supplier ON call_off_line (supplier, day);
