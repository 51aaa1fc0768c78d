package com.busanev.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The brand's cancel request on an order and, once the plant has decided it, the outcome. The plant decides because
 * it alone knows whether the build started; until then the order keeps its status.
 */
@Embeddable
public class Cancellation {
    /** Named for the API: a bare {@code Status} says nothing in the OpenAPI document's schemas. */
    @Schema(name = "CancellationStatus")
    public enum Status {
        REQUESTED, CANCELLED, REFUSED
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_status")
    public Status status;
    @Column(name = "cancel_requested_at")
    public Instant requestedAt;
    @Column(name = "cancel_reason")
    public String reason;
    @Column(name = "cancel_decided_at")
    public Instant decidedAt;
    @Column(name = "cancel_detail")
    public String detail;

    static Cancellation requested(Instant at, String reason) {
        Cancellation cancellation = new Cancellation();
        cancellation.status = Status.REQUESTED;
        cancellation.requestedAt = at;
        cancellation.reason = reason;
        return cancellation;
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
