package com.busanev.tower.orders;

import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** order-service, called with the signed-in person's access token: a brand sees and changes only its own orders. */
@Path("/api/v1")
@RegisterRestClient(configKey = "order-service")
@AccessToken
public interface OrdersApi {
    String SERVICE = "order-service";

    @GET
    @Path("/orders")
    Page<Order> list(@QueryParam("status") String status, @QueryParam("market") String market,
            @QueryParam("reference") String reference, @QueryParam("vin") String vin, @BeanParam PageRequest page);

    @GET
    @Path("/orders/summary")
    OrderSummary summary();

    @GET
    @Path("/orders/{id}")
    Order get(@PathParam("id") UUID id);

    @POST
    @Path("/orders")
    Order place(@HeaderParam("Idempotency-Key") String idempotencyKey, OrderRequest request);

    @POST
    @Path("/orders/{id}/cancel")
    Order cancel(@PathParam("id") UUID id, CancelRequest request);

    @GET
    @Path("/reference")
    Reference reference();

    record CancelRequest(String reason) {
    }
}
