package com.busanev.order.order;

import com.busanev.kit.paging.ListFilter;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of GET /api/v1/orders; all optional and combined with AND. */
public class OrderFilter {
    @QueryParam("status")
    @Parameter(description = "Current status")
    public OrderStatus status;

    @QueryParam("market")
    @Parameter(description = "ISO country code of the market, e.g. US")
    public String market;

    @QueryParam("reference")
    @Parameter(description = "The brand's order reference")
    public String reference;

    @QueryParam("vin")
    @Parameter(description = "The car's vehicle identification number, once the plant built it")
    public String vin;

    @QueryParam("createdFrom")
    @Parameter(description = "Created at or after this instant (ISO-8601)")
    public Instant createdFrom;

    @QueryParam("createdTo")
    @Parameter(description = "Created before this instant (ISO-8601)")
    public Instant createdTo;

    /** {@code scope} with the filters given added. */
    ListFilter narrow(ListFilter scope) {
        return scope
                .and("status = :status", "status", status)
                .and("market = :market", "market", market)
                .and("brandReference = :reference", "reference", reference)
                .and("vin = :vin", "vin", vin)
                .and("createdAt >= :createdFrom", "createdFrom", createdFrom)
                .and("createdAt < :createdTo", "createdTo", createdTo);
    }
}
