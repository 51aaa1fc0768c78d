-- The packs of each contract by status, kept as a tally instead of counted: the supply planner read its stock on hand
-- with a count at every recompute, and at a year's volume the stock is ~90,000 packs (a scan of 100-190 ms, 56 s of
-- PostgreSQL in the year's flow, under the planner's lock; docs/benchmarks). Every statement that inserts, updates or
-- deletes packs appends what it changed, per contract and status, through the statement triggers below: the tally
-- follows every change by construction, whoever writes the packs. Appended, never updated in place, so writers of the
-- same contract never wait on one another's tally rows; PackTally folds them hourly. A contract's count of a status
-- is the sum of its rows.
CREATE TABLE pack_tally (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id uuid   NOT NULL,
    status      text   NOT NULL,
    packs       bigint NOT NULL
);

CREATE FUNCTION pack_tally_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- each branch reads only the transition tables its trigger declares
    IF TG_OP = 'INSERT' THEN
        INSERT INTO pack_tally (contract_id, status, packs)
        SELECT contract_id, status, count(*) FROM new_packs GROUP BY contract_id, status;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO pack_tally (contract_id, status, packs)
        SELECT contract_id, status, -count(*) FROM old_packs GROUP BY contract_id, status;
    ELSE
        -- an update that changed no pack's status or contract (a passport version, a shipping date) appends nothing
        INSERT INTO pack_tally (contract_id, status, packs)
        SELECT contract_id, status, sum(packs) FROM (
            SELECT contract_id, status, 1 AS packs FROM new_packs
            UNION ALL
            SELECT contract_id, status, -1 FROM old_packs) AS change
        GROUP BY contract_id, status HAVING sum(packs) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER pack_tally_insert AFTER INSERT ON pack REFERENCING NEW TABLE AS new_packs
    FOR EACH STATEMENT EXECUTE FUNCTION pack_tally_changes();
CREATE TRIGGER pack_tally_update AFTER UPDATE ON pack REFERENCING OLD TABLE AS old_packs NEW TABLE AS new_packs
    FOR EACH STATEMENT EXECUTE FUNCTION pack_tally_changes();
CREATE TRIGGER pack_tally_delete AFTER DELETE ON pack REFERENCING OLD TABLE AS old_packs
    FOR EACH STATEMENT EXECUTE FUNCTION pack_tally_changes();

INSERT INTO pack_tally (contract_id, status, packs) SELECT contract_id, status, count(*) FROM pack GROUP BY contract_id, status;

-- It served the count of packs in stock, which the tally replaces; every receipt and consumption maintained it.
DROP INDEX pack_in_stock;
