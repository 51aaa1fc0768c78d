package com.busanev.tower.supply;

import com.busanev.events.Roles;
import com.busanev.tower.api.Outcome;
import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import com.busanev.tower.web.CurrentUser;
import com.busanev.tower.web.Paging;
import com.busanev.tower.web.Vin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Battery supply: open shortage alerts first, coverage by week and region, contracts with their deliveries, versions
 * and delivery schedule, and a pack's passport and genealogy. A supplier's token makes supplier-service answer its own
 * contracts only; coverage and alerts are procurement's.
 */
@Path("/supply")
@RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER, Roles.VIEWER})
@Produces(MediaType.TEXT_HTML)
public class SupplyPage {
    /** Coverage looks this many ISO weeks ahead. */
    private static final int COVERAGE_WEEKS = 12;
    /** The most recent open alerts shown above the coverage; the count says how many there are in all. */
    private static final int ALERTS_SHOWN = 6;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance supply(Outcome<Page<SupplyApi.Alert>> alerts,
                Outcome<Coverage> coverage, Outcome<Page<SupplyApi.Contract>> contracts,
                ContractQuery query);

        static native TemplateInstance supply$live(Outcome<Page<SupplyApi.Alert>> alerts,
                Outcome<Coverage> coverage);

        static native TemplateInstance supply$contracts(Outcome<Page<SupplyApi.Contract>> contracts, ContractQuery query);

        static native TemplateInstance deliveries(Outcome<List<SupplyApi.Delivery>> deliveries);

        static native TemplateInstance versions(Outcome<List<SupplyApi.ContractVersion>> versions);

        static native TemplateInstance schedule(UUID contract, Outcome<SupplyApi.Schedule> schedule, String error);

        static native TemplateInstance pack(String query, PackLookup lookup);
    }

    /** The contract statuses supplier-service knows, for the filter. */
    @TemplateGlobal
    static final List<String> contractStatuses = List.of("DRAFT", "ACTIVE", "SUSPENDED", "EXPIRED");

    /** The contract list's filter, kept by its pager. */
    public record ContractQuery(String status) {
        public String pagePrefix() {
            return "/supply/contracts?" + (status == null ? "" : "status=" + URLEncoder.encode(status, StandardCharsets.UTF_8) + "&") + "page=";
        }
    }

    private final SupplyApi supply;
    private final PassportApi passports;
    private final CurrentUser user;

    SupplyPage(@RestClient SupplyApi supply, @RestClient PassportApi passports, CurrentUser user) {
        this.supply = supply;
        this.passports = passports;
        this.user = user;
    }

    @GET
    public TemplateInstance supply(@RestQuery String status) {
        ContractQuery query = new ContractQuery(Paging.filter(status));
        return Templates.supply(alerts(), coverage(), contracts(query, 0), query);
    }

    @GET
    @Path("/live")
    public TemplateInstance live() {
        return Templates.supply$live(alerts(), coverage());
    }

    @GET
    @Path("/contracts")
    public TemplateInstance contracts(@RestQuery String status, @RestQuery Integer page) {
        ContractQuery query = new ContractQuery(Paging.filter(status));
        return Templates.supply$contracts(contracts(query, Paging.page(page)), query);
    }

    @GET
    @Path("/contracts/{id}/deliveries")
    public TemplateInstance deliveries(@PathParam("id") UUID contract) {
        return Templates.deliveries(Outcome.of(SupplyApi.SERVICE, () -> supply.deliveries(contract)));
    }

    @GET
    @Path("/contracts/{id}/versions")
    public TemplateInstance versions(@PathParam("id") UUID contract) {
        return Templates.versions(Outcome.of(SupplyApi.SERVICE, () -> supply.versions(contract)));
    }

    /** The contract's delivery schedule in force: its latest revision, with its weeks. */
    @GET
    @Path("/contracts/{id}/schedule")
    public TemplateInstance schedule(@PathParam("id") UUID contract) {
        return Templates.schedule(contract, latestSchedule(contract), null);
    }

    /**
     * The supplier acknowledges a revision; refused (a later revision superseded it: 409), the latest revision is
     * shown with supplier-service's reason above it.
     */
    @POST
    @Path("/contracts/{contract}/schedules/{id}/acknowledgement")
    @RolesAllowed(Roles.BATTERY_SUPPLIER)
    public TemplateInstance acknowledge(@PathParam("contract") UUID contract, @PathParam("id") UUID schedule) {
        Outcome<SupplyApi.Schedule> acknowledged = Outcome.of(SupplyApi.SERVICE, () -> supply.acknowledge(schedule));
        return acknowledged.failed()
                ? Templates.schedule(contract, latestSchedule(contract), acknowledged.error().summary())
                : Templates.schedule(contract, acknowledged, null);
    }

    /**
     * A pack's passport and genealogy, by its serial or by the VIN of the car it is in. The passport is read with the
     * person's token, so it shows what the person may read of it (PUBLIC, RESTRICTED or FULL).
     */
    @GET
    @Path("/packs")
    public TemplateInstance pack(@RestQuery String q) {
        String query = Paging.filter(q);
        return Templates.pack(query, lookup(query));
    }

    private PackLookup lookup(String query) {
        if (query == null) {
            return null;
        }
        String vin = Vin.parse(query);
        if (vin == null) {
            return lookupSerial(query, Outcome.of(SupplyApi.SERVICE, () -> supply.pack(query)));
        }
        Outcome<Page<SupplyApi.Pack>> ofCar = Outcome.of(SupplyApi.SERVICE, () -> supply.packsOfCar(vin, PageRequest.first(1)));
        if (ofCar.failed()) {
            return PackLookup.found(null, new Outcome<>(null, ofCar.error()));
        }
        if (ofCar.value().items().isEmpty()) {
            return PackLookup.none("No battery pack is recorded for the car " + vin + ".");
        }
        SupplyApi.Pack pack = ofCar.value().items().get(0);
        return lookupSerial(query, new Outcome<>(pack, null));
    }

    /** An unknown serial is no such pack, not an error: the passport, public for any pack, decides. */
    private PackLookup lookupSerial(String query, Outcome<SupplyApi.Pack> genealogy) {
        String serial = genealogy.failed() ? query : genealogy.value().serial();
        Outcome<Passport> passport = Outcome.of(SupplyApi.SERVICE, () -> passports.passport(serial));
        if (passport.failed() && passport.error().notFound()) {
            return PackLookup.none("No such pack: " + serial + ".");
        }
        return PackLookup.found(passport, genealogy);
    }

    private Outcome<SupplyApi.Schedule> latestSchedule(UUID contract) {
        return Outcome.of(SupplyApi.SERVICE, () -> supply.schedules(contract, PageRequest.first(1)).items().stream()
                .findFirst().orElse(null));
    }

    /** Null where the role may not read them (a supplier): the template leaves the panel out. */
    private Outcome<Page<SupplyApi.Alert>> alerts() {
        return user.seesCoverage() ? Outcome.of(SupplyApi.SERVICE, () -> supply.alerts("OPEN", null, PageRequest.first(ALERTS_SHOWN))) : null;
    }

    private Outcome<Coverage> coverage() {
        return user.seesCoverage() ? Outcome.of(SupplyApi.SERVICE, () -> Coverage.of(supply.coverage(COVERAGE_WEEKS))) : null;
    }

    private Outcome<Page<SupplyApi.Contract>> contracts(ContractQuery query, int page) {
        return Outcome.of(SupplyApi.SERVICE, () -> supply.contracts(null, query.status(), PageRequest.of(page)));
    }
}
