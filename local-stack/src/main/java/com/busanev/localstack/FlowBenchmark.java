package com.busanev.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders flowing order -> schedule -> build -> shipment through the whole suite on this machine: battery
 * contracts and sailings with room for all of them are set up, {@code orders} Polestar 4 orders (North America
 * and Europe) go in through the batch endpoint, and the clock runs until every car has a booked shipment. The
 * plant clock is accelerated as in the local run, so the plant's real capacity (486 Polestar slots a working
 * day) paces builds; the wall time measures the software, not the calendar.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.FlowBenchmark [orders] [acceleration]}.
 */
public final class FlowBenchmark {
    private FlowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double acceleration = args.length > 1 ? Double.parseDouble(args[1]) : 43_200;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path runDir = Files.createTempDirectory(root.resolve("local-stack/target"), "flow-");
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, runDir, StackPorts.free(), acceleration,
                Instant.now()), line -> System.out.println("  " + line))) {
            PartnerApi api = new PartnerApi(stack.keycloakUrl());
            prepare(stack, api, orders);
            Instant start = Instant.now();
            String run = Long.toString(start.getEpochSecond(), 36);
            for (int from = 0; from < orders; from += 1000) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = from; i < Math.min(orders, from + 1000); i++) {
                    items.add(order("FLOW-" + run + "-" + i, i % 2 == 0 ? "US" : "DE"));
                }
                JsonNode result = api.post("polestar-buyer", stack.serviceUrl("order-service") + "/api/v1/orders/batch",
                        Map.of("items", items), 200);
                if (result.get("rejected").asInt() > 0) {
                    throw new IllegalStateException("batch rejected items: " + result);
                }
            }
            Duration intake = Duration.between(start, Instant.now());
            System.out.printf("intake: %d orders in %.1f s (%.0f orders/s)%n", orders, intake.toMillis() / 1000.0,
                    orders * 1000.0 / intake.toMillis());
            long shipped = 0;
            while (shipped < orders) {
                Thread.sleep(2000);
                shipped = api.get("viewer", stack.serviceUrl("logistics-service") + "/api/v1/shipments?size=1")
                        .get("totalItems").asLong();
                Duration elapsed = Duration.between(start, Instant.now());
                System.out.printf("  %5.0f s  plant %s  shipments booked %d / %d%n", elapsed.toMillis() / 1000.0,
                        LocalDate.ofInstant(stack.plantNow(), ZoneId.of("Asia/Seoul")), shipped, orders);
                if (elapsed.toMinutes() > 60) {
                    throw new IllegalStateException("gave up after an hour");
                }
            }
            Duration total = Duration.between(start, Instant.now());
            System.out.printf("flow: %d orders placed, scheduled, built and booked on a voyage in %.1f s wall (%.0f orders/s)%n",
                    orders, total.toMillis() / 1000.0, orders * 1000.0 / total.toMillis());
        }
        System.exit(0);
    }

    private static void prepare(LocalStack stack, PartnerApi api, int orders) throws Exception {
        LocalDate today = LocalDate.ofInstant(stack.plantNow(), ZoneId.of("Asia/Seoul"));
        for (String supplier : List.of("LGES", "SDI")) {
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("supplier", supplier);
            contract.put("status", "ACTIVE");
            contract.put("validFrom", today.minusWeeks(1).toString());
            contract.put("validTo", today.plusYears(2).toString());
            contract.put("packSpec", Map.of("capacityKwh", 100.0, "chemistry", "NMC"));
            contract.put("monthlyCommittedPacks", 20_000);
            contract.put("flexRange", Map.of("minPacks", 0, "maxPacks", 30_000));
            contract.put("pricePerKwh", Map.of("amount", supplier.equals("LGES") ? "110.00" : "105.00", "currency", "USD"));
            contract.put("cellOrigin", "KR");
            contract.put("packOrigin", "KR");
            contract.put("carbonFootprintKgCo2ePerKwh", 60.0);
            api.post("procurement", stack.serviceUrl("supplier-service") + "/api/v1/contracts", contract, 201);
        }
        // Sailings every two plant days for as long as the plant needs to build every order, with room to spare.
        int plantDays = orders / 400 + 30;
        Instant now = stack.plantNow();
        for (int day = 3; day < plantDays; day += 2) {
            Instant departure = now.plus(Duration.ofDays(day));
            api.post("logistics", stack.serviceUrl("logistics-service") + "/api/v1/voyages", Map.of("code", "RORO-" + day,
                    "vessel", "Glovis Sirius", "mode", "RO_RO", "destinationPort", "USLGB", "departure", departure.toString(),
                    "transitDays", 14, "capacityCars", 1000), 201);
            api.post("logistics", stack.serviceUrl("logistics-service") + "/api/v1/voyages", Map.of("code", "BOX-" + day,
                    "vessel", "CMA CGM Marco Polo", "mode", "CONTAINER", "destinationPort", "FRLEH",
                    "departure", departure.toString(), "transitDays", 30, "containers", 340), 201);
        }
    }

    private static Map<String, Object> order(String reference, String market) {
        return Map.of("brandReference", reference, "variant", "LONG_RANGE_DUAL_MOTOR", "exteriorColour", "SNOW",
                "interior", "CHARCOAL_TAILORED_KNIT", "optionPacks", List.of("PLUS"), "wheels", "ALLOY_21", "market", market);
    }
}
