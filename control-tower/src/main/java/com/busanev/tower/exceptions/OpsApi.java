package com.busanev.tower.exceptions;

import com.busanev.tower.api.ParkedEvents;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The kit's operations endpoint, which every service has: one client for the four, each call naming the service's
 * base URL (the configuration key is order-service's only because a client needs one).
 */
@Path("/api/v1/ops")
@RegisterRestClient(configKey = "order-service")
@AccessToken
public interface OpsApi {
    /** Refused outbox rows and dead letters of the service at {@code service} (GET /api/v1/ops/parked, the viewer's). */
    @GET
    @Path("/parked")
    ParkedEvents parked(@Url String service);
}
