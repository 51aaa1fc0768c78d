package com.busanev.order.change;

import com.busanev.order.order.Polestar4.ExteriorColour;
import com.busanev.order.order.Polestar4.Interior;
import com.busanev.order.order.Polestar4.OptionPack;
import com.busanev.order.order.Polestar4.Wheels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a brand wants changed on an order: every field is optional, an absent one stays as ordered (merge semantics).
 * The variant, requested week and priority cannot change: a different powertrain is another car (cancel and order
 * again), and the plant decides the week.
 */
@Schema(name = "OrderChangeRequest")
public record ChangeRequest(
        ExteriorColour exteriorColour,
        Interior interior,
        Wheels wheels,
        @Schema(description = "The option packs the car should have, all of them (an empty list removes every pack)")
        @Size(max = 3) List<@NotNull OptionPack> optionPacks,
        @Schema(description = "Another market of the order's region (e.g. US to CA, DE to FR); the region cannot change",
                examples = "CA")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String market) {

    boolean isEmpty() {
        return exteriorColour == null && interior == null && wheels == null && optionPacks == null && market == null;
    }
}
