package com.busanev.tower.logistics;

import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** logistics-service, called with the signed-in person's access token. */
@Path("/api/v1")
@RegisterRestClient(configKey = "logistics-service")
@AccessToken
public interface LogisticsApi {
    String SERVICE = "logistics-service";

    @GET
    @Path("/voyages")
    Page<Voyage> voyages(@QueryParam("port") String port, @QueryParam("status") String status,
            @BeanParam PageRequest page);

    @GET
    @Path("/voyages/{id}/manifest")
    Manifest manifest(@PathParam("id") UUID voyage);

    @GET
    @Path("/shipments")
    Page<Shipment> shipments(@QueryParam("status") String status, @QueryParam("delayed") boolean delayed,
            @BeanParam PageRequest page);

    record Voyage(UUID id, String code, String vessel, String mode, String destinationPort, Instant departure,
            Instant cutOff, int transitDays, Instant eta, int capacityCars, int bookedCars, double loadFactor,
            String status) {
        public long loadPercent() {
            return Math.round(loadFactor * 100);
        }
    }

    /** The cars aboard a voyage and, for a container service, which container holds which. */
    record Manifest(Voyage voyage, List<Car> cars, List<Container> containers) {
        public record Car(UUID orderId, String vin, String market, String containerId, String status) {
        }

        public record Container(String id, List<String> vins) {
        }
    }

    record Shipment(UUID orderId, String vin, String brand, String market, String status, String mode, UUID voyageId,
            String destinationPort, Instant readyAt, Instant eta, Instant bookedAt, Instant departedAt, Instant arrivedAt,
            Delay delay, Hold hold) {
    }

    /** A car's latest delay: the ETA first promised, when the delay was announced, why. */
    record Delay(Instant firstEta, Instant at, String reason) {
    }

    /** Why a HELD car is not booked (e.g. an EU car without a complete battery passport), and since when. */
    record Hold(String reason, Instant since) {
    }
}
