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
