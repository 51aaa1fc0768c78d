-- Where a schedule week's packs come from (ALLOCATION, DEMAND_SHARE, FLEX_MINIMUM); null on lines issued before it was kept.
ALTER TABLE delivery_schedule_line ADD COLUMN basis text;
