package com.busanev.supplier.schedule;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Procurement asks for a new revision of a contract's delivery schedule now. */
public record IssueRequest(@NotNull UUID contractId) {
}
