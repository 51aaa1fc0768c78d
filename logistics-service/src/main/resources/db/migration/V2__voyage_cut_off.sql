-- The cargo cut-off as a column: booking filters it in SQL and locks only the voyage it takes.
ALTER TABLE voyage ADD COLUMN cut_off timestamp with time zone;
UPDATE voyage SET cut_off = departure - make_interval(hours => cut_off_hours);
ALTER TABLE voyage ALTER COLUMN cut_off SET NOT NULL;
