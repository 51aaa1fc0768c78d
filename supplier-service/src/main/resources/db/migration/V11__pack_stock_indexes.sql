-- The supply planner counts each contract's packs in stock and in transit at every recompute (once a second at full
-- volume). Those are a few weeks of packs; the table keeps every pack ever built into a car, and the counts read all of
-- it (pack_contract_status leads with the contract, so a count by status scanned the whole index or table): at a
-- year's volume they took over 100 ms each. Partial indexes hold just the packs the counts are about.
CREATE INDEX pack_in_stock ON pack (contract_id) WHERE status = 'RECEIVED';
CREATE INDEX pack_in_transit ON pack (delivery_id) WHERE status = 'IN_TRANSIT';
