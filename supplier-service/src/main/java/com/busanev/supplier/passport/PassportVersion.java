package com.busanev.supplier.passport;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A version of a pack's passport after its first: when and why it changed, the contract version it shows. */
@Entity
@Table(name = "passport_version")
@IdClass(PassportVersion.Key.class)
public class PassportVersion extends PanacheEntityBase {
    @Id
    public String serial;
    @Id
    public int version;
    @Enumerated(EnumType.STRING)
    public Passports.Reason reason;
    @Column(name = "contract_version")
    public int contractVersion;
    @Column(name = "issued_at")
    public Instant issuedAt;

    public record Key(String serial, int version) implements Serializable {
    }
}
