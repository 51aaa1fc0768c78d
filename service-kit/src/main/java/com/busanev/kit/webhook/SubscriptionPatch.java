package com.busanev.kit.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a subscription; a field left out stays as it is. */
public record SubscriptionPatch(
        @Schema(description = "false pauses deliveries (they accumulate); true resumes them, the oldest first, with "
                + "a fresh retry schedule") Boolean enabled,
        String url,
        List<String> eventTypes,
        String description) {
}
