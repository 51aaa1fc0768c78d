package com.busanev.order.order;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to 1,000 orders in one call. Items stay raw JSON until each is read on its own, so one item with an unknown
 * colour code is that item's 400, not the whole batch's (see {@link BatchResult}).
 */
public record BatchRequest(
        @Schema(type = SchemaType.ARRAY, implementation = OrderRequest.class, minItems = 1, maxItems = 1000)
        @NotNull @Size(min = 1, max = 1000) List<JsonNode> items) {
}
