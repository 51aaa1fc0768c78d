package com.busanev.logistics.port;

import com.busanev.events.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/ports")
@Tag(name = "Ports", description = "Busan New Port and the ports cars sail to")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class PortResource {
    /** Reference data for the roles of this service: the operator plans to these ports, the others read them. */
    @GET
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.VIEWER, Roles.BRAND_ORDERS})
    @Operation(operationId = "listPorts", summary = "Busan New Port and the destination ports, with UN/LOCODEs")
    public List<Port> list() {
        return Ports.ALL;
    }
}
