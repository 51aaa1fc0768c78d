package com.busanev.production.versioned;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** One stored version of a document (its JSON); each kind of document has its own table of them. */
@MappedSuperclass
public abstract class DocumentVersion extends PanacheEntityBase {
    @Id
    public int version;
    @Column(columnDefinition = "text")
    public String definition;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
}
