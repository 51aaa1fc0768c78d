package com.busanev.supplier.contract;

import java.time.Instant;
import java.util.UUID;

public record ContractView(UUID id, int version, ContractTerms terms, int weeklyCommittedPacks, String updatedBy,
        Instant updatedAt) {
    static ContractView of(Contract c) {
        return new ContractView(c.id, c.version, c.terms(), c.weeklyCommitted(), c.updatedBy, c.updatedAt);
    }
}
