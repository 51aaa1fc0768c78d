package com.busanev.tower.logistics;

import com.busanev.tower.api.Outcome;
import com.busanev.tower.api.Page;
import com.busanev.tower.web.CurrentUser;
import com.busanev.tower.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The logistics operator's view: voyages with their load factor and cut-off, and the cars waiting for a voyage. */
@Path("/logistics")
@RolesAllowed({CurrentUser.LOGISTICS_OPERATOR, CurrentUser.VIEWER})
@Produces(MediaType.TEXT_HTML)
public class LogisticsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance logistics(Outcome<Page<LogisticsApi.Voyage>> voyages,
                Outcome<Page<LogisticsApi.Shipment>> waiting);

        static native TemplateInstance logistics$voyages(Outcome<Page<LogisticsApi.Voyage>> voyages);

        static native TemplateInstance logistics$waiting(Outcome<Page<LogisticsApi.Shipment>> waiting);

        static native TemplateInstance voyage(UUID id, Outcome<LogisticsApi.Manifest> manifest);
    }

    /** Voyages still to sail: what the operator loads; departed and arrived ones are history. */
    private static final String OPEN_VOYAGES = "PLANNED";
    /** Built cars no voyage has room for yet. */
    private static final String WAITING = "UNBOOKED";

    private final LogisticsApi logistics;

    LogisticsPage(@RestClient LogisticsApi logistics) {
        this.logistics = logistics;
    }

    @GET
    public TemplateInstance logistics() {
        return Templates.logistics(voyages(0), waiting(0));
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
    public TemplateInstance waiting(@RestQuery Integer page) {
        return Templates.logistics$waiting(waiting(Paging.page(page)));
    }

    private Outcome<Page<LogisticsApi.Voyage>> voyages(int page) {
        return Outcome.of(LogisticsApi.SERVICE, () -> logistics.voyages(null, OPEN_VOYAGES, page, Paging.SIZE));
    }

    private Outcome<Page<LogisticsApi.Shipment>> waiting(int page) {
        return Outcome.of(LogisticsApi.SERVICE, () -> logistics.shipments(null, WAITING, page, Paging.SIZE));
    }
}
