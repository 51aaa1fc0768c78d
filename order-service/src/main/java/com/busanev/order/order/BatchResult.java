package com.busanev.order.order;

import com.busanev.kit.problem.Problem;
import com.busanev.order.promise.Promise;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Per-item outcome of a batch: every valid item with a new reference is placed (201), the others are refused
 * with their own problem (400 invalid, 409 reference already used); one bad item never fails the others.
 */
public record BatchResult(int placed, int rejected, List<Item> items) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, int status, String brandReference, UUID orderId,
            @Schema(description = "The placed order's delivery promise (as on the order)") Promise promise,
            Problem problem) {
    }

    static BatchResult of(List<Item> items) {
        int placed = (int) items.stream().filter(i -> i.status() == 201).count();
        return new BatchResult(placed, items.size() - placed, items);
    }
}
