package com.busanev.supplier.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Packs of a notice that arrived. Without {@code ranges} and {@code serials} every pack still in transit arrived (a
 * full receipt); with them, only those (a partial receipt; empty lists: none). {@code closing} ends the notice: packs
 * still in transit then are missing.
 */
public record ReceiptRequest(
        @Schema(description = "The day the packs arrived (not in the future)") @NotNull LocalDate receivedOn,
        @Schema(description = "Runs of serials that arrived") List<@NotNull @Valid SerialRun> ranges,
        @Schema(description = "Single serials that arrived") List<@NotBlank @Pattern(regexp = SerialsRequest.SERIAL) String> serials,
        @Schema(description = "Close the notice: what has not arrived is missing, no longer inbound") boolean closing) {
    boolean full() {
        return ranges == null && serials == null;
    }
}
