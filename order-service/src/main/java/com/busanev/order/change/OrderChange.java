package com.busanev.order.change;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A brand's change of an order's specification and, once the plant has decided it, the outcome. The plant decides
 * because it alone knows the build's day and the freeze point; until then the order keeps its specification.
 */
@Entity
@Table(name = "order_change")
public class OrderChange extends PanacheEntityBase {
    /** Named for the API: a bare {@code Status} says nothing in the OpenAPI document's schemas. */
    @Schema(name = "OrderChangeStatus")
    public enum Status {
        REQUESTED, APPLIED, REFUSED
    }

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "exterior_colour")
    public String exteriorColour;
    public String interior;
    public String wheels;
    /** Comma-separated option pack names, as on the order. */
    @Column(name = "option_packs")
    public String optionPacks;
    public String market;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** The plant's answer: why it refused, or where the build is after the change. */
    public String detail;
    @Column(name = "planned_date")
    public LocalDate plannedDate;
    @Column(name = "slot_kept")
    public Boolean slotKept;

    public List<String> optionPackList() {
        return optionPacks.isEmpty() ? List.of() : Arrays.asList(optionPacks.split(","));
    }

    public boolean pending() {
        return status == Status.REQUESTED;
    }

    public void decide(Status outcome, Instant at, String why) {
        status = outcome;
        decidedAt = at;
        detail = why;
    }
}
