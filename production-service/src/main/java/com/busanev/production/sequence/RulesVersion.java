package com.busanev.production.sequence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of the sequencing rules; the highest is in force, the others are its audit trail. */
@Entity
@Table(name = "sequencing_rules_version")
public class RulesVersion extends PanacheEntityBase {
    @Id
    public int version;
    @Column(columnDefinition = "text")
    public String definition;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
}
