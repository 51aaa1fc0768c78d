package com.busanev.order.order;

import com.busanev.order.order.Polestar4.ExteriorColour;
import com.busanev.order.order.Polestar4.Interior;
import com.busanev.order.order.Polestar4.OptionPack;
import com.busanev.order.order.Polestar4.Variant;
import com.busanev.order.order.Polestar4.Wheels;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A brand's order for one Polestar 4. The brand is the caller's, from its token. */
public record OrderRequest(
        @Schema(description = "The brand's own order reference, unique per brand", examples = "PS4-US-2027-000123")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:/-]*", message = "may contain letters, digits and . _ : / - only")
        String brandReference,
        @NotNull Variant variant,
        @NotNull ExteriorColour exteriorColour,
        @NotNull Interior interior,
        @Size(max = 3) List<@NotNull OptionPack> optionPacks,
        @NotNull Wheels wheels,
        @Schema(description = "ISO 3166-1 alpha-2 country: US, CA, KR or an EU member", examples = "US")
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String market,
        @Schema(description = "Earliest build week (ISO week, not in the past): the plant plans the car on the first "
                + "day with line room and battery packs from that week's Monday on, so possibly later. It is not a "
                + "delivery week: the ETA follows from the booking once the car is built. Omit to build as early "
                + "as possible.", examples = "2027-W09")
        @Pattern(regexp = "\\d{4}-W\\d{2}", message = "must be an ISO week like 2027-W09") String requestedWeek,
        @Schema(description = "0 (default) to 9; higher is slotted first among orders of the same time")
        @Min(0) @Max(9) Integer priority) {

    public List<OptionPack> packs() {
        return optionPacks == null ? List.of() : optionPacks;
    }

    public int priorityOrDefault() {
        return priority == null ? 0 : priority;
    }
}
