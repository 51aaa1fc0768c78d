-- The market of each order's demand: a region's weekly allocation satisfies the sourcing rule of every market with
-- demand in the week. Demand recorded before has none (NULL): the region's strictest rule applies to it.
ALTER TABLE demand ADD COLUMN market text;

-- Tombstones of cancelled orders: a build event that arrives after the cancel (another topic, so no order between
-- them) must not bring the order back as demand. One small row per cancelled order, kept.
CREATE TABLE cancelled_order (
    order_id     uuid PRIMARY KEY,
    cancelled_at timestamp with time zone NOT NULL
);
