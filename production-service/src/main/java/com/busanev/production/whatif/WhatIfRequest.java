package com.busanev.production.whatif;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hypothetical supply changes, applied to a copy of the plan in the order given. */
public record WhatIfRequest(
        @Schema(description = "Applied in this order to each week's packs by supplier")
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SupplyChange> changes) {
}
