-- An order is looked up by its car's VIN (the order desk's search box): one row per VIN, once the plant built it.
CREATE INDEX orders_vin ON orders (vin) WHERE vin IS NOT NULL;
