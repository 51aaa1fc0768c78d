package com.busanev.tower.supply;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * supplier-service's battery passports, outside its versioned API (the address a pack's QR code carries). Called with
 * the person's token, so the passport shows what the person may read: PUBLIC, RESTRICTED or FULL.
 */
@Path("/passports")
@RegisterRestClient(configKey = "supplier-service")
@AccessToken
public interface PassportApi {
    @GET
    @Path("/{serial}")
    Passport passport(@PathParam("serial") String serial);
}
