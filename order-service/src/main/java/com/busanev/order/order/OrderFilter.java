package com.busanev.order.order;

import io.quarkus.panache.common.Parameters;
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

    void appendTo(StringBuilder query, Parameters parameters) {
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (market != null) {
            query.append(" and market = :market");
            parameters.and("market", market);
        }
        if (reference != null) {
            query.append(" and brandReference = :reference");
            parameters.and("reference", reference);
        }
        if (vin != null) {
            query.append(" and vin = :vin");
            parameters.and("vin", vin);
        }
        if (createdFrom != null) {
            query.append(" and createdAt >= :createdFrom");
            parameters.and("createdFrom", createdFrom);
        }
        if (createdTo != null) {
            query.append(" and createdAt < :createdTo");
            parameters.and("createdTo", createdTo);
        }
    }
}
