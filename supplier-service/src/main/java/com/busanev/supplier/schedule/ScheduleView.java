package com.busanev.supplier.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revision of a contract's weekly delivery schedule with its weeks, as the API shows it. */
public record ScheduleView(UUID id, UUID contractId, @Schema(examples = "LGES") String supplier, int revision,
        ScheduleStatus status, Instant issuedAt, String issuedBy, Instant acknowledgedAt, String acknowledgedBy,
        List<Week> lines) {
    /**
     * Packs called off for an ISO week, FIRM or FORECAST, within the contract's weekly flex bounds that week, and where
     * the number comes from.
     */
    public record Week(@Schema(examples = "2027-W05") String week, int packs, LineKind kind, int flexMin, int flexMax,
            @Schema(nullable = true, description = "What the packs were taken from before the flex clamp: the week's "
                    + "allocation, the contract's share of the week's demand (no allocation yet), or neither (the flex "
                    + "minimum); null on weeks issued before it was kept.") Basis basis) {
    }

    static ScheduleView of(DeliverySchedule s, List<ScheduleLine> lines) {
        return new ScheduleView(s.id, s.contractId, s.supplierCode, s.revision, s.status, s.issuedAt, s.issuedBy,
                s.acknowledgedAt, s.acknowledgedBy,
                lines.stream().map(l -> new Week(l.week, l.packs, l.kind, l.flexMin, l.flexMax, l.basis)).toList());
    }
}
