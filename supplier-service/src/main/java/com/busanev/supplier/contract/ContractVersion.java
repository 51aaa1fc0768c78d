package com.busanev.supplier.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The terms of one version of a contract, as they were: the amendment trail. */
@Entity
@Table(name = "contract_version")
@IdClass(ContractVersion.Key.class)
public class ContractVersion extends PanacheEntityBase {
    @Id
    @Column(name = "contract_id")
    public UUID contractId;
    @Id
    public int version;
    @Column(columnDefinition = "text")
    public String snapshot;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static class Key implements Serializable {
        public UUID contractId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.contractId.equals(contractId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(contractId, version);
        }
    }
}
