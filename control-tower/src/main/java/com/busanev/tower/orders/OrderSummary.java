package com.busanev.tower.orders;

import java.util.List;
import java.util.Map;

/** order-service's counts (GET /api/v1/orders/summary): one grouped query over the orders the person may see. */
public record OrderSummary(long total, Map<String, Long> byStatus, Map<String, Long> byMarket, List<Cell> byStatusAndMarket) {

    public record Cell(String status, String market, long count) {
    }
}
