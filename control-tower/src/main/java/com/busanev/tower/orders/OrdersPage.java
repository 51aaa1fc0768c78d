package com.busanev.tower.orders;

import com.busanev.events.Roles;
import com.busanev.tower.api.FieldErrors;
import com.busanev.tower.api.Outcome;
import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import com.busanev.tower.web.Paging;
import com.busanev.tower.web.Vin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The order desk: the pipeline, the orders list, one order's timeline, placing and cancelling. */
@Path("/orders")
@RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
@Produces(MediaType.TEXT_HTML)
public class OrdersPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(OrderQuery query, Outcome<Pipeline> pipeline, Outcome<Page<Order>> orders);

        static native TemplateInstance list$panel(OrderQuery query, Outcome<Pipeline> pipeline, Outcome<Page<Order>> orders);

        static native TemplateInstance order(UUID id, Outcome<Order> order, String cancelError);

        static native TemplateInstance order$panel(UUID id, Outcome<Order> order, String cancelError);

        static native TemplateInstance form(Outcome<Reference> reference, OrderRequest request, String idempotencyKey,
                FieldErrors errors);
    }

    /** The list's filters and page, echoed into the links of the panel so refreshing and paging keep them. */
    public record OrderQuery(String status, String market, String q, int page) {
        public List<String> statuses() {
            return Order.STATUSES;
        }

        /** The search as a VIN, or null when it is not one (then it is a brand reference). */
        public String vin() {
            return Vin.parse(q);
        }

        /** What the panel refreshes from. */
        public String panelUrl() {
            return pagePrefix() + page;
        }

        public String pagePrefix() {
            return "/orders/panel?" + filters(status) + "page=";
        }

        /** The list of one status, keeping the other filters: the pipeline's links. */
        public String statusLink(String other) {
            return "/orders?" + filters(other, market);
        }

        /** The list of one market, keeping the other filters: the market counts' links. */
        public String marketLink(String other) {
            return "/orders?" + filters(status, other);
        }

        private String filters(String withStatus) {
            return filters(withStatus, market);
        }

        private String filters(String withStatus, String withMarket) {
            StringBuilder params = new StringBuilder();
            append(params, "status", withStatus);
            append(params, "market", withMarket);
            append(params, "q", q);
            return params.toString();
        }

        private static void append(StringBuilder params, String name, String value) {
            if (value != null) {
                params.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    /**
     * Orders per status for the current market filter, and per market: order-service counts them in one grouped
     * query (GET /api/v1/orders/summary), the tower never loads the orders to count them.
     */
    public record Pipeline(List<Count> counts, List<Count> markets) {
        public record Count(String name, long orders) {
        }

        static Pipeline of(OrderSummary summary, String market) {
            Map<String, Long> byStatus = market == null ? summary.byStatus() : summary.byStatusAndMarket().stream()
                    .filter(cell -> cell.market().equals(market))
                    .collect(Collectors.toMap(OrderSummary.Cell::status, OrderSummary.Cell::count));
            return new Pipeline(
                    Order.STATUSES.stream().map(status -> new Count(status, byStatus.getOrDefault(status, 0L))).toList(),
                    summary.byMarket().entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue())).toList());
        }
    }

    private final OrdersApi orders;

    OrdersPage(@RestClient OrdersApi orders) {
        this.orders = orders;
    }

    /** A search that finds exactly one order by its VIN opens that order; anything else lists what it found. */
    @GET
    public Object list(@RestQuery String status, @RestQuery String market, @RestQuery String q, @RestQuery Integer page) {
        OrderQuery query = new OrderQuery(Paging.filter(status), Paging.filter(market), Paging.filter(q), Paging.page(page));
        Outcome<Page<Order>> found = page(query);
        if (query.vin() != null && !found.failed() && found.value().totalItems() == 1) {
            return Response.seeOther(URI.create("/orders/" + found.value().items().get(0).id())).build();
        }
        return Templates.list(query, pipeline(query), found);
    }

    @GET
    @Path("/panel")
    public TemplateInstance panel(@RestQuery String status, @RestQuery String market, @RestQuery String q,
            @RestQuery Integer page) {
        OrderQuery query = new OrderQuery(Paging.filter(status), Paging.filter(market), Paging.filter(q), Paging.page(page));
        return Templates.list$panel(query, pipeline(query), page(query));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance order(@PathParam("id") UUID id) {
        return Templates.order(id, Outcome.of(OrdersApi.SERVICE, () -> orders.get(id)), null);
    }

    @GET
    @Path("/{id}/panel")
    public TemplateInstance orderPanel(@PathParam("id") UUID id) {
        return Templates.order$panel(id, Outcome.of(OrdersApi.SERVICE, () -> orders.get(id)), null);
    }

    /** Asks for the cancel; the panel then shows the request and, as it refreshes, the plant's outcome. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.BRAND_ORDERS)
    public TemplateInstance cancel(@PathParam("id") UUID id, @RestForm String reason) {
        Outcome<Order> requested = Outcome.of(OrdersApi.SERVICE,
                () -> orders.cancel(id, new OrdersApi.CancelRequest(Paging.filter(reason))));
        if (requested.failed()) {
            return Templates.order$panel(id, Outcome.of(OrdersApi.SERVICE, () -> orders.get(id)), requested.error().summary());
        }
        return Templates.order$panel(id, Outcome.of(OrdersApi.SERVICE, () -> orders.get(id)), null);
    }

    @GET
    @Path("/new")
    @RolesAllowed(Roles.BRAND_ORDERS)
    public TemplateInstance form() {
        return Templates.form(reference(), OrderRequest.empty(), UUID.randomUUID().toString(), FieldErrors.NONE);
    }

    /**
     * Places the order. The form carries an idempotency key made when it was shown, so a double submit or a retry
     * after a lost answer places one order. Bad input comes back as the form with the API's messages by field.
     */
    @POST
    @Path("/new")
    @RolesAllowed(Roles.BRAND_ORDERS)
    public Object place(@RestForm String brandReference, @RestForm String variant, @RestForm String exteriorColour,
            @RestForm String interior, @RestForm List<String> optionPacks, @RestForm String wheels,
            @RestForm String market, @RestForm String requestedWeek, @RestForm String priority,
            @RestForm String idempotencyKey) {
        OrderRequest request = new OrderRequest(Paging.filter(brandReference), Paging.filter(variant),
                Paging.filter(exteriorColour), Paging.filter(interior), optionPacks == null ? List.of() : optionPacks,
                Paging.filter(wheels), Paging.filter(market), Paging.filter(requestedWeek), priority(priority));
        Outcome<Order> placed = Outcome.of(OrdersApi.SERVICE, () -> orders.place(idempotencyKey, request));
        if (placed.failed()) {
            return Response.status(placed.error().unavailable() ? 502 : 422)
                    .entity(Templates.form(reference(), request, idempotencyKey,
                            FieldErrors.of(placed.error(), OrderRequest.FIELDS))).build();
        }
        return Response.seeOther(URI.create("/orders/" + placed.value().id())).build();
    }

    private static Integer priority(String priority) {
        String value = Paging.filter(priority);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return -1; // order-service names the allowed range next to the field
        }
    }

    private Outcome<Reference> reference() {
        return Outcome.of(OrdersApi.SERVICE, orders::reference);
    }

    /** The search box holds a brand reference or a VIN: order-service filters by either. */
    private Outcome<Page<Order>> page(OrderQuery query) {
        String reference = query.vin() == null ? query.q() : null;
        return Outcome.of(OrdersApi.SERVICE, () -> orders.list(query.status(), query.market(), reference, query.vin(),
                PageRequest.of(query.page())));
    }

    private Outcome<Pipeline> pipeline(OrderQuery query) {
        return Outcome.of(OrdersApi.SERVICE, () -> Pipeline.of(orders.summary(), query.market()));
    }
}
