-- Battery passports (EU Regulation 2023/1542, Art. 77, Annex XIII; docs/supplier-service.md, "Battery passport").
-- The contract's passport facts (what Annex XIII needs beyond the pack facts kept already), amendable like them.
ALTER TABLE contract ADD COLUMN passport_facts jsonb;
-- The month of manufacture a supplier may state on its shipping notice (else the passport takes the notice's day).
ALTER TABLE delivery ADD COLUMN manufactured_on date;
-- Per pack: the passport's version and the contract version whose facts it shows (null: the notice's), the car's
-- brand once built in (who may read everything), and the day its car left the port (its passport facts freeze).
ALTER TABLE pack
    ADD COLUMN passport_version          integer NOT NULL DEFAULT 1,
    ADD COLUMN passport_contract_version integer,
    ADD COLUMN brand                     text,
    ADD COLUMN shipped_at                timestamp with time zone;
CREATE INDEX pack_contract_unshipped ON pack (contract_id) WHERE shipped_at IS NULL;

-- Every version of a passport after the first (the first is the pack's shipping notice): why it changed, and the
-- contract version whose facts it shows from then on.
CREATE TABLE passport_version (
    serial           text    NOT NULL REFERENCES pack (serial),
    version          integer NOT NULL,
    reason           text    NOT NULL,
    contract_version integer NOT NULL,
    issued_at        timestamp with time zone NOT NULL,
    PRIMARY KEY (serial, version)
);
UPDATE pack p SET passport_contract_version = d.contract_version FROM delivery d WHERE d.id = p.delivery_id;
ALTER TABLE pack ALTER COLUMN passport_contract_version SET NOT NULL;
