package com.busanev.order.order;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Order counts the caller may see, by status and by market, from one grouped query. */
@Schema(name = "OrderSummary", description = "How many orders the caller may see, by status, by market and by both")
public record OrderSummary(
        @Schema(description = "All orders the caller may see") long total,
        @Schema(description = "Orders per current status; every status is present, 0 where none") Map<OrderStatus, Long> byStatus,
        @Schema(description = "Orders per market (ISO country code); markets without orders are absent") Map<String, Long> byMarket,
        @Schema(description = "Orders per status and market, for the counts of one market") List<Cell> byStatusAndMarket) {

    @Schema(name = "OrderSummaryCell", description = "The orders of one status in one market")
    public record Cell(OrderStatus status, String market, long count) {
    }

    static OrderSummary of(List<Cell> cells) {
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status, 0L);
        }
        Map<String, Long> byMarket = new TreeMap<>();
        long total = 0;
        for (Cell cell : cells) {
            byStatus.merge(cell.status(), cell.count(), Long::sum);
            byMarket.merge(cell.market(), cell.count(), Long::sum);
            total += cell.count();
        }
        return new OrderSummary(total, byStatus, byMarket, cells);
    }
}
