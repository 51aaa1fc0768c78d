package com.busanev.tower.supply;

import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /** The latest revision first: {@code size=1} is the schedule in force. */
    @GET
    @Path("/delivery-schedules")
    Page<Schedule> schedules(@QueryParam("contractId") UUID contract, @BeanParam PageRequest page);

    /** The contract's own supplier only; a superseded revision is 409. */
    @POST
    @Path("/delivery-schedules/{id}/acknowledgement")
    Schedule acknowledge(@PathParam("id") UUID schedule);

    /** A pack's genealogy; another supplier's pack is 404 to a supplier. */
    @GET
    @Path("/packs/{serial}")
    Pack pack(@PathParam("serial") String serial);

    @GET
    @Path("/packs")
    Page<Pack> packsOfCar(@QueryParam("vin") String vin, @BeanParam PageRequest page);

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

    /** A revision of a contract's weekly delivery schedule: ISSUED, ACKNOWLEDGED by the supplier, or SUPERSEDED. */
    record Schedule(UUID id, UUID contractId, String supplier, int revision, String status, Instant issuedAt,
            String issuedBy, Instant acknowledgedAt, String acknowledgedBy, List<Week> lines) {
        /** Only the revision in force, not yet acknowledged, can be acknowledged. */
        public boolean awaitsAcknowledgement() {
            return "ISSUED".equals(status);
        }
    }

    /**
     * Packs called off for an ISO week, FIRM or FORECAST, within the contract's weekly flex bounds, and what they were
     * taken from (ALLOCATION, DEMAND_SHARE, FLEX_MINIMUM; null on revisions issued before it was kept).
     */
    record Week(String week, int packs, String kind, int flexMin, int flexMax, String basis) {
    }

    /** A pack's genealogy: its delivery, the contract version it was received under and, once built in, the car. */
    record Pack(String serial, String supplier, String status, UUID deliveryId, UUID contractId, int contractVersion,
            double capacityKwh, String chemistry, LocalDate expectedOn, LocalDate receivedOn, UUID orderId, String vin,
            String market, Instant consumedAt) {
        /** The contract's first eight characters and the version the pack was received under, e.g. 5f0c12ab v2. */
        public String contract() {
            return contractId.toString().substring(0, 8) + " v" + contractVersion;
        }
    }
}
