package com.busanev.tower.exceptions;

import com.busanev.events.Roles;
import com.busanev.tower.api.Outcome;
import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import com.busanev.tower.api.ParkedEvents;
import com.busanev.tower.logistics.LogisticsApi;
import com.busanev.tower.logistics.LogisticsPage;
import com.busanev.tower.orders.Order;
import com.busanev.tower.orders.OrdersApi;
import com.busanev.tower.plant.ProductionApi;
import com.busanev.tower.supply.SupplyApi;
import com.busanev.tower.web.CurrentUser;
import com.busanev.tower.web.PlantClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What needs a human, across the chain: blocked orders, open shortage alerts, voyages that should have sailed or
 * arrived by now, delayed and held cars, and the events each service parked (refused outbox rows, dead letters). Each section is read with the person's token and only shown where their role may read its source;
 * a section is null when it is not theirs (the template leaves it out).
 */
@Path("/exceptions")
@RolesAllowed({Roles.BRAND_ORDERS, Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.PROCUREMENT,
        Roles.LOGISTICS_OPERATOR, Roles.VIEWER})
@Produces(MediaType.TEXT_HTML)
public class ExceptionsPage {
    /** The services whose parked events the viewer reads, in the order shown. */
    private static final List<String> SERVICES = List.of(LogisticsApi.SERVICE, OrdersApi.SERVICE, ProductionApi.SERVICE,
            SupplyApi.SERVICE);
    /** The first ten of each kind are shown (blocked and shortages: the total says how many there are in all). */
    private static final int SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exceptions(Outcome<Exceptions<Blocked>> blocked,
                Outcome<Page<SupplyApi.Alert>> shortages, Outcome<Exceptions<Late>> late,
                Outcome<Page<LogisticsApi.Shipment>> delayed, Outcome<Page<LogisticsApi.Shipment>> held,
                List<Parked> parked);

        static native TemplateInstance exceptions$panel(Outcome<Exceptions<Blocked>> blocked,
                Outcome<Page<SupplyApi.Alert>> shortages, Outcome<Exceptions<Late>> late,
                Outcome<Page<LogisticsApi.Shipment>> delayed, Outcome<Page<LogisticsApi.Shipment>> held);

        static native TemplateInstance exceptions$parked(List<Parked> parked);
    }

    /** Some of the exceptions of one kind, and how many there are in all. */
    public record Exceptions<T>(List<T> items, long total) {
        public boolean none() {
            return total == 0;
        }
    }

    /** A blocked order, from the plant's backlog or, for a brand, from its own orders. */
    public record Blocked(UUID orderId, String label, String market, String reason, String detail) {
    }

    /** A voyage past its departure still PLANNED, or past its ETA still DEPARTED. */
    public record Late(LogisticsApi.Voyage voyage, String why) {
    }

    /** One service's parked events (refused outbox rows, dead letters), or why they could not be read. */
    public record Parked(String service, Outcome<ParkedEvents> events) {
    }

    private final OrdersApi orders;
    private final ProductionApi production;
    private final SupplyApi supply;
    private final LogisticsApi logistics;
    private final OpsApi ops;
    private final CurrentUser user;
    private final PlantClock clock;

    ExceptionsPage(@RestClient OrdersApi orders, @RestClient ProductionApi production, @RestClient SupplyApi supply,
            @RestClient LogisticsApi logistics, @RestClient OpsApi ops, CurrentUser user, PlantClock clock) {
        this.ops = ops;
        this.orders = orders;
        this.production = production;
        this.supply = supply;
        this.logistics = logistics;
        this.user = user;
        this.clock = clock;
    }

    @GET
    public TemplateInstance exceptions() {
        return Templates.exceptions(blocked(), shortages(), late(), delayed(), held(), parked());
    }

    @GET
    @Path("/panel")
    public TemplateInstance panel() {
        return Templates.exceptions$panel(blocked(), shortages(), late(), delayed(), held());
    }

    /** Refreshed every 30 s, not 5: each service reads its dead-letter topic to answer. */
    @GET
    @Path("/parked")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance parkedPanel() {
        return Templates.exceptions$parked(parked());
    }

    /** The plant's backlog for plant roles and viewers (every brand); a brand's own blocked orders otherwise. */
    private Outcome<Exceptions<Blocked>> blocked() {
        if (user.seesSchedule()) {
            return Outcome.of(ProductionApi.SERVICE, () -> {
                Page<ProductionApi.Build> page = production.builds("BLOCKED", null, PageRequest.first(SHOWN));
                return new Exceptions<>(page.items().stream().map(b -> new Blocked(b.orderId(), b.orderId().toString()
                        .substring(0, 8), b.market(), b.blockedReason(), b.blockedDetail())).toList(), page.totalItems());
            });
        }
        if (user.seesOrders()) {
            return Outcome.of(OrdersApi.SERVICE, () -> {
                Page<Order> page = orders.list("BLOCKED", null, null, null, PageRequest.first(SHOWN));
                return new Exceptions<>(page.items().stream().map(o -> new Blocked(o.id(), o.brandReference(), o.market(),
                        o.blockedReason(), null)).toList(), page.totalItems());
            });
        }
        return null;
    }

    private Outcome<Page<SupplyApi.Alert>> shortages() {
        return user.seesCoverage() ? Outcome.of(SupplyApi.SERVICE, () -> supply.alerts("OPEN", null, PageRequest.first(SHOWN))) : null;
    }

    /**
     * logistics-service keeps no "delayed" flag (ShipmentDelayed is an event), so lateness is read off the voyages:
     * the earliest still PLANNED ones whose departure has passed, and the earliest DEPARTED ones past their ETA.
     */
    private Outcome<Exceptions<Late>> late() {
        if (!user.seesLogistics()) {
            return null;
        }
        Instant now = clock.now();
        return Outcome.of(LogisticsApi.SERVICE, () -> {
            List<Late> late = Stream.concat(
                    overdue("PLANNED", v -> v.departure().isBefore(now), "should have sailed"),
                    overdue("DEPARTED", v -> v.eta().isBefore(now), "past its ETA")).toList();
            return new Exceptions<>(late, late.size());
        });
    }

    /** Cars whose ETA moved later, latest delay first (logistics-service keeps each car's latest delay). */
    private Outcome<Page<LogisticsApi.Shipment>> delayed() {
        return user.seesLogistics() ? Outcome.of(LogisticsApi.SERVICE,
                () -> logistics.shipments(null, true, PageRequest.first(SHOWN))) : null;
    }

    /** Built cars logistics will not book yet, and why (an EU car without a complete battery passport). */
    private Outcome<Page<LogisticsApi.Shipment>> held() {
        return user.seesLogistics() ? Outcome.of(LogisticsApi.SERVICE,
                () -> logistics.shipments(LogisticsPage.HELD, false, PageRequest.first(SHOWN))) : null;
    }

    /**
     * Each service's parked events, through the kit's endpoint every service has: the viewer's only. Null for other
     * roles (the template leaves the section out). A service that does not answer shows as such, the others still do.
     */
    private List<Parked> parked() {
        if (!user.seesParkedEvents()) {
            return null;
        }
        Config config = ConfigProvider.getConfig();
        return SERVICES.stream().map(service -> {
            String url = config.getValue("quarkus.rest-client." + service + ".url", String.class);
            return new Parked(service, Outcome.of(service, () -> ops.parked(url)));
        }).toList();
    }

    private Stream<Late> overdue(String status, Predicate<LogisticsApi.Voyage> late, String why) {
        return logistics.voyages(null, status, PageRequest.first(SHOWN)).items().stream().filter(late).map(v -> new Late(v, why));
    }
}
