package com.busanev.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.localstack.LocalStack;
import com.busanev.localstack.PartnerApi;
import com.busanev.localstack.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole suite, started by the same launcher code as the local run (PostgreSQL, Kafka, Keycloak with the
 * realm, the four service jars) on free ports: orders placed over REST with real Keycloak tokens go through
 * the whole chain to arrival.
 */
@Order(1)
@ExtendWith(SharedStack.class)
class WholeChainIT {
    private static LocalStack stack;
    private static PartnerApi api;

    @BeforeAll
    static void connect(LocalStack sharedStack) {
        stack = sharedStack;
        api = new PartnerApi(stack.keycloakUrl());
    }

    /** The start and this test log no ERROR (the fault test, which runs after it, stops the stack and reads the rest). */
    @AfterAll
    static void noErrorLogged() throws IOException {
        List<String> errors = ServiceLogs.errors(stack.options().runDir(), LocalStack.DATABASES.keySet());
        assertThat(errors).as("ERROR lines in the services' logs (%s)", stack.options().runDir().resolve("logs")).isEmpty();
    }

    @Test
    void ordersPlacedOverRestArriveWithAVinAVoyageOrATruckAndAnEta() throws Exception {
        Scenario scenario = new Scenario(stack, api, line -> System.out.println("[e2e] " + line));
        scenario.prepareSupplyAndShipping();
        Scenario.Placed us = scenario.place("E2E-US", "US", "LONG_RANGE_DUAL_MOTOR", List.of("PLUS", "PILOT"));
        Scenario.Placed eu = scenario.place("E2E-DE", "DE", "LONG_RANGE_SINGLE_MOTOR", List.of());
        Scenario.Placed kr = scenario.place("E2E-KR", "KR", "LONG_RANGE_DUAL_MOTOR", List.of());

        Map<String, JsonNode> arrived = scenario.followUntilArrived(List.of(us, eu, kr), Duration.ofMinutes(4));

        for (JsonNode order : arrived.values()) {
            assertThat(order.get("status").asText()).isEqualTo("ARRIVED");
            assertThat(order.get("vin").asText()).matches("[A-HJ-NPR-Z0-9]{17}");
            assertThat(Instant.parse(order.get("eta").asText())).isAfter(Instant.parse(order.get("createdAt").asText()));
            assertThat(order.get("timeline").findValuesAsText("event")).contains("OrderPlaced", "BuildScheduled",
                    "BuildStarted", "VehicleBuilt", "ShipmentBooked", "ShipmentDeparted", "ShipmentArrived");
        }
        assertThat(arrived.get("E2E-US").path("shipment").path("destinationPort").asText()).isEqualTo("USLGB");
        assertThat(arrived.get("E2E-US").path("shipment").path("voyageId").asText()).isNotBlank();
        assertThat(arrived.get("E2E-DE").path("shipment").path("mode").asText()).isEqualTo("CONTAINER");
        assertThat(arrived.get("E2E-DE").path("shipment").path("voyageId").asText()).isNotBlank();
        // Korean cars go to the dealer by truck, moved by the logistics simulator.
        assertThat(arrived.get("E2E-KR").path("shipment").path("mode").asText()).isEqualTo("TRUCK");

        // The European car shipped with a complete battery passport, public at the address its QR code carries.
        String euVin = arrived.get("E2E-DE").get("vin").asText();
        JsonNode pack = api.get("procurement", stack.serviceUrl("supplier-service") + "/api/v1/packs?vin=" + euVin).get("items").get(0);
        JsonNode passport = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.serviceUrl("supplier-service") + "/passports/" + pack.get("serial").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(passport.get("complete").asBoolean()).as("passport %s", passport).isTrue();
        assertThat(passport.get("accessLevel").asText()).isEqualTo("PUBLIC");

        // The same order through the other services' eyes.
        String vin = arrived.get("E2E-US").get("vin").asText();
        JsonNode build = api.get("planner", stack.serviceUrl("production-service") + "/api/v1/builds/" + us.id());
        assertThat(build.get("vin").asText()).isEqualTo(vin);
        JsonNode shipments = api.get("polestar-buyer", stack.serviceUrl("logistics-service") + "/api/v1/shipments?vin=" + vin);
        assertThat(shipments.get("items").get(0).get("status").asText()).isEqualTo("ARRIVED");

        // The day it was built on was sequenced and frozen by the plant's own refresh (the call-off is made from the
        // SequenceFrozen that published), and the car has its place in that day's line order.
        String day = build.get("plannedDate").asText();
        JsonNode callOffs = api.get("procurement", stack.serviceUrl("supplier-service") + "/api/v1/call-offs?days=1&from=" + day);
        assertThat(callOffs.findValuesAsText("orderId")).as("call-off of %s", day).contains(us.id());
        JsonNode sequence = api.get("planner", stack.serviceUrl("production-service") + "/api/v1/sequence?date=" + day);
        assertThat(sequence.get("frozen").asBoolean()).isTrue();
        assertThat(sequence.get("positions").findValuesAsText("orderId")).contains(us.id());
    }

    @Test
    void aCancelIsRequestedOverRestAndDecidedByThePlant() throws Exception {
        Scenario scenario = new Scenario(stack, api, line -> System.out.println("[e2e] " + line));
        // Built no earlier than in 20 weeks: the plant has certainly not started it.
        Scenario.Placed order = scenario.place("E2E-CANCEL", "SE", "LONG_RANGE_SINGLE_MOTOR", List.of(), 20);

        JsonNode requested = scenario.requestCancel(order, "customer changed mind");
        assertThat(requested.get("status").asText()).isNotEqualTo("CANCELLED");
        assertThat(requested.path("cancellation").path("status").asText()).isEqualTo("REQUESTED");

        JsonNode decided = scenario.awaitCancelDecision(order, Duration.ofMinutes(2));
        assertThat(decided.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(decided.path("cancellation").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(decided.get("timeline").findValuesAsText("event"))
                .contains("OrderPlaced", "OrderCancelRequested", "BuildCancelled", "OrderCancelled");
        JsonNode build = api.get("planner", stack.serviceUrl("production-service") + "/api/v1/builds/" + order.id());
        assertThat(build.get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aChangeBeforeTheFreezeIsDecidedByThePlantAndOneAfterItIsRefused() throws Exception {
        Scenario scenario = new Scenario(stack, api, line -> System.out.println("[e2e] " + line));
        // built in 20 weeks at the earliest: far before the plant's freeze point
        Scenario.Placed order = scenario.place("E2E-CHANGE", "SE", "LONG_RANGE_SINGLE_MOTOR", List.of(), 20);
        String changes = stack.serviceUrl("order-service") + "/api/v1/orders/" + order.id() + "/changes";
        Map<String, String> once = Map.of("Idempotency-Key", "e2e-change-" + order.id());

        PartnerApi.Answer requested = api.call("polestar-buyer", changes, Map.of("exteriorColour", "STORM", "market", "DE"), once);
        assertThat(requested.status()).as("change request %s", requested.body()).isEqualTo(202);
        assertThat(requested.body().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(api.call("polestar-buyer", changes, Map.of("exteriorColour", "STORM", "market", "DE"), once).body().get("id"))
                .as("a retry with the same key is the same change").isEqualTo(requested.body().get("id"));

        JsonNode decided = awaitChangeDecided(changes, Duration.ofMinutes(2));
        assertThat(decided.get("status").asText()).as("change %s", decided).isEqualTo("APPLIED");
        // whether the build kept its day depends on the line and the packs of that week: either way it is said
        assertThat(decided.get("slotKept").isBoolean()).as("slotKept in %s", decided).isTrue();
        JsonNode changed = api.get("polestar-buyer", stack.serviceUrl("order-service") + "/api/v1/orders/" + order.id());
        assertThat(changed.get("exteriorColour").asText()).isEqualTo("STORM");
        assertThat(changed.get("market").asText()).isEqualTo("DE");
        assertThat(changed.get("timeline").findValuesAsText("event")).contains("OrderChangeRequested", "OrderChanged");
        JsonNode build = api.get("planner", stack.serviceUrl("production-service") + "/api/v1/builds/" + order.id());
        assertThat(build.get("market").asText()).as("the plant builds the changed car").isEqualTo("DE");

        // a car in production is past every freeze point
        Scenario.Placed built = scenario.place("E2E-CHANGE-LATE", "KR", "LONG_RANGE_DUAL_MOTOR", List.of());
        awaitStatusIn(built, List.of("IN_PRODUCTION", "BUILT", "SHIPPED", "ARRIVED"), Duration.ofMinutes(3));
        PartnerApi.Answer late = api.call("polestar-buyer", stack.serviceUrl("order-service") + "/api/v1/orders/" + built.id()
                + "/changes", Map.of("exteriorColour", "STORM"), Map.of());
        assertThat(late.status()).as("late change %s", late.body()).isEqualTo(409);
        assertThat(late.body().path("detail").asText()).isNotBlank();
    }

    @Test
    void keycloakTokensCarryRolesAndThePartnerAndTheServicesEnforceThem() throws Exception {
        JsonNode claims = claims(api.token("polestar-buyer"));
        assertThat(claims.get("brand").asText()).isEqualTo("polestar");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("brand-orders");
        assertThat(claims(api.token("lges")).get("supplier").asText()).isEqualTo("LGES");

        Scenario scenario = new Scenario(stack, api, line -> { });
        Scenario.Placed order = scenario.place("E2E-AUTH", "CA", "LONG_RANGE_DUAL_MOTOR", List.of());
        String url = stack.serviceUrl("order-service") + "/api/v1/orders/" + order.id();
        assertThat(status(url, null)).isEqualTo(401);
        assertThat(status(url, api.token("other-brand-buyer"))).isEqualTo(404);
        assertThat(status(url, api.token("viewer"))).isEqualTo(200);
        assertThat(status(stack.serviceUrl("production-service") + "/api/v1/calendar", api.token("polestar-buyer"))).isEqualTo(403);
    }

    private static JsonNode awaitChangeDecided(String changes, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode change = api.get("polestar-buyer", changes).get(0);
            if (!change.get("status").asText().equals("REQUESTED")) {
                return change;
            }
            assertThat(Instant.now()).as("the plant decides the change within %s", timeout).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static void awaitStatusIn(Scenario.Placed order, List<String> statuses, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String url = stack.serviceUrl("order-service") + "/api/v1/orders/" + order.id();
        while (!statuses.contains(api.get("polestar-buyer", url).get("status").asText())) {
            assertThat(Instant.now()).as("%s reaches %s within %s", order.label(), statuses, timeout).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static int status(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode claims(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
