package com.busanev.supplier.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An advance shipping notice: the packs shipped by serial (runs and/or single serials) and the day they are due. */
public record AsnRequest(
        @Schema(description = "The day the packs are due at the plant") @NotNull LocalDate expectedOn,
        @Schema(description = "When the packs were made (battery passport, Annex VI A(5)); if not given, the passport "
                + "takes the day the notice was sent") LocalDate manufacturedOn,
        @Schema(description = "Runs of serials sharing a prefix") List<@NotNull @Valid SerialRun> ranges,
        @Schema(description = "Single serials") List<@NotBlank @Pattern(regexp = SerialsRequest.SERIAL) String> serials) {
}
