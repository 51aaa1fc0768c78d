package com.busanev.tower.logistics;

import com.busanev.events.Roles;
import com.busanev.tower.api.Outcome;
import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import com.busanev.tower.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The logistics operator's view: voyages with their load factor and cut-off, the cars waiting (built and not booked,
 * or booked and not departed), the cars whose ETA moved later and the cars held (not booked, and why).
 */
@Path("/logistics")
@RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.VIEWER})
@Produces(MediaType.TEXT_HTML)
public class LogisticsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance logistics(Outcome<Page<LogisticsApi.Voyage>> voyages, Waiting waiting,
                Outcome<Page<LogisticsApi.Shipment>> delayed, Outcome<Page<LogisticsApi.Shipment>> held);

        static native TemplateInstance logistics$voyages(Outcome<Page<LogisticsApi.Voyage>> voyages);

        static native TemplateInstance logistics$waiting(Waiting waiting);

        static native TemplateInstance logistics$delayed(Outcome<Page<LogisticsApi.Shipment>> delayed);

        static native TemplateInstance logistics$held(Outcome<Page<LogisticsApi.Shipment>> held);

        static native TemplateInstance voyage(UUID id, Outcome<LogisticsApi.Manifest> manifest);
    }

    /** Voyages still to sail: what the operator loads; departed and arrived ones are history. */
    private static final String OPEN_VOYAGES = "PLANNED";
    /** Built cars logistics will not book yet (an EU car without a complete battery passport): each carries its hold. */
    public static final String HELD = "HELD";

    /** The cars waiting at one stage: built and no voyage yet (UNBOOKED), or booked and not sailed (BOOKED). */
    public record Waiting(String status, Outcome<Page<LogisticsApi.Shipment>> cars) {
        public static final List<String> STAGES = List.of("UNBOOKED", "BOOKED");

        public List<String> stages() {
            return STAGES;
        }

        public String pagePrefix() {
            return "/logistics/waiting?status=" + status + "&page=";
        }

        public boolean booked() {
            return "BOOKED".equals(status);
        }
    }

    private final LogisticsApi logistics;

    LogisticsPage(@RestClient LogisticsApi logistics) {
        this.logistics = logistics;
    }

    @GET
    public TemplateInstance logistics() {
        return Templates.logistics(voyages(0), waiting(null, 0), delayed(0), held(0));
    }

    @GET
    @Path("/voyages")
    public TemplateInstance voyages(@RestQuery Integer page) {
        return Templates.logistics$voyages(voyages(Paging.page(page)));
    }

    /** One voyage's manifest: its load factor, the cars aboard and the containers. */
    @GET
    @Path("/voyages/{id}")
    public TemplateInstance voyage(@PathParam("id") UUID id) {
        return Templates.voyage(id, Outcome.of(LogisticsApi.SERVICE, () -> logistics.manifest(id)));
    }

    @GET
    @Path("/waiting")
    public TemplateInstance waiting(@RestQuery String status, @RestQuery Integer page) {
        return Templates.logistics$waiting(waiting(status, Paging.page(page)));
    }

    @GET
    @Path("/delayed")
    public TemplateInstance delayed(@RestQuery Integer page) {
        return Templates.logistics$delayed(delayed(Paging.page(page)));
    }

    @GET
    @Path("/held")
    public TemplateInstance held(@RestQuery Integer page) {
        return Templates.logistics$held(held(Paging.page(page)));
    }

    private Outcome<Page<LogisticsApi.Voyage>> voyages(int page) {
        return Outcome.of(LogisticsApi.SERVICE, () -> logistics.voyages(null, OPEN_VOYAGES, PageRequest.of(page)));
    }

    /** An unknown stage shows the first: cars no voyage has room for yet. */
    private Waiting waiting(String status, int page) {
        String stage = status != null && Waiting.STAGES.contains(status) ? status : Waiting.STAGES.get(0);
        return new Waiting(stage, Outcome.of(LogisticsApi.SERVICE,
                () -> logistics.shipments(stage, false, PageRequest.of(page))));
    }

    private Outcome<Page<LogisticsApi.Shipment>> held(int page) {
        return Outcome.of(LogisticsApi.SERVICE, () -> logistics.shipments(HELD, false, PageRequest.of(page)));
    }

    private Outcome<Page<LogisticsApi.Shipment>> delayed(int page) {
        return Outcome.of(LogisticsApi.SERVICE, () -> logistics.shipments(null, true, PageRequest.of(page)));
    }
}
