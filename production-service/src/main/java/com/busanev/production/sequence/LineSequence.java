package com.busanev.production.sequence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The stored sequence of a production day: its cars in line order (JSON list of {@link SequencedCar}). */
@Entity
@Table(name = "line_sequence")
public class LineSequence extends PanacheEntityBase {
    @Id
    public LocalDate day;
    /** Hash of the sequencing problem it was computed from: a different one means the inputs changed. */
    public String inputs;
    @Column(columnDefinition = "text")
    public String cars;
    @Column(name = "car_count")
    public int carCount;
    @Column(name = "high_priority_violations")
    public long highPriorityViolations;
    @Column(name = "low_priority_violations")
    public long lowPriorityViolations;
    @Column(name = "colour_changes")
    public long colourChanges;
    @Column(name = "paint_batches_over_limit")
    public long paintBatchesOverLimit;
    public long objective;
    @Column(name = "rules_version")
    public int rulesVersion;
    @Column(name = "computed_at")
    public Instant computedAt;
    @Column(name = "frozen_at")
    public Instant frozenAt;
}
