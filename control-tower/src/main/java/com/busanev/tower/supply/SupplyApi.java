package com.busanev.tower.supply;

import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** supplier-service, called with the signed-in person's access token: a supplier sees only its own contracts. */
@Path("/api/v1")
@RegisterRestClient(configKey = "supplier-service")
@AccessToken
public interface SupplyApi {
    String SERVICE = "supplier-service";

    @GET
    @Path("/coverage")
    List<WeekCoverage> coverage(@QueryParam("weeks") int weeks);

    @GET
    @Path("/alerts")
    Page<Alert> alerts(@QueryParam("status") String status, @QueryParam("region") String region,
            @BeanParam PageRequest page);

    @GET
    @Path("/contracts")
    Page<Contract> contracts(@QueryParam("supplier") String supplier, @QueryParam("status") String status,
            @BeanParam PageRequest page);

    @GET
    @Path("/contracts/{id}/versions")
    List<ContractVersion> versions(@PathParam("id") UUID contract);

    @GET
    @Path("/contracts/{id}/deliveries")
    List<Delivery> deliveries(@PathParam("id") UUID contract);

    record WeekCoverage(String week, String region, int demand, int compliantSupply, int allocated, int gap, int plan,
            int planCovered, int planGap) {
        public boolean shortage() {
            return gap > 0 || planGap > 0;
        }

        /** The share of the week's EV plan its supply covers, for the bar (a week without plan is covered). */
        public long planCoveredPercent() {
            return plan == 0 ? 100 : Math.min(100, Math.round(100.0 * planCovered / plan));
        }
    }

    record Alert(UUID id, String kind, String week, String region, int demand, int supply, int gap, String severity,
            String detail, String status, Instant raisedAt) {
    }

    record Contract(UUID id, int version, Terms terms, int weeklyCommittedPacks, String updatedBy, Instant updatedAt) {
    }

    record Terms(String supplier, String status, LocalDate validFrom, LocalDate validTo, Integer monthlyCommittedPacks) {
    }

    /** One version of a contract's terms, newest first: who changed them and when. */
    record ContractVersion(int version, Terms terms, String changedBy, Instant changedAt) {
    }

    /** A shipping notice: due on expectedOn, received (in parts) up to deliveredOn; status IN_TRANSIT .. RECEIVED/CLOSED. */
    record Delivery(UUID id, int packs, int receivedPacks, String status, String serialFrom, String serialTo,
            LocalDate expectedOn, LocalDate deliveredOn, String week, String confirmedBy) {
    }
}
