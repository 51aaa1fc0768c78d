package com.busanev.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
            Scenario scenario = new Scenario(stack, api, line -> System.out.println("  " + line));
            scenario.prepareVolumeSupply();
            // Sailings for as long as the plant needs to build every order, with room to spare.
            scenario.keepSailingsAhead(Duration.ofDays(orders / 400 + 30), Duration.ZERO);
            Instant start = Instant.now();
            for (int from = 0; from < orders; from += 1000) {
                List<String> markets = new ArrayList<>();
                for (int i = from; i < Math.min(orders, from + 1000); i++) {
                    markets.add(i % 2 == 0 ? "US" : "DE");
                }
                scenario.placeBatch("FLOW-" + from, markets, Duration.ZERO);
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
}
