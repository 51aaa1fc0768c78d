-- The plant decides cancels (the cancel saga): a car is built only if its cancel was refused, so logistics no longer
-- follows cancels. The tombstones go, and so do the shipments a cancel ended (released bookings, cars held at the
-- plant): they hold no place on a voyage, and their story stays on the order in order-service.
DROP TABLE cancelled_order;
DELETE FROM shipment WHERE status = 'CANCELLED';
