package com.busanev.order.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Up to 1,000 orders in one call; each item is judged on its own (see BatchResult). */
public record BatchRequest(@NotNull @Size(min = 1, max = 1000) List<OrderRequest> items) {
}
