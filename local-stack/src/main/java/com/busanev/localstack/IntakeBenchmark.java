package com.busanev.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Order intake under load, side by side with the raw database insert rate in the same run: the whole suite is
 * started as in the local run, then {@code POST /api/v1/orders} (JWT check, validation, order + outbox +
 * timeline rows in one transaction, event relayed to Kafka) is driven by concurrent clients with a real
 * Keycloak token, and plain JDBC inserts of an order-sized row go into the same PostgreSQL.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.IntakeBenchmark [orders] [clients] [rounds]}.
 */
public final class IntakeBenchmark {
    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path runDir = Files.createTempDirectory(root.resolve("local-stack/target"), "bench-");
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, runDir, StackPorts.free(), 1, Instant.now()),
                line -> System.out.println("  " + line))) {
            String token = new PartnerApi(stack.keycloakUrl()).token("polestar-buyer");
            String url = stack.serviceUrl("order-service") + "/api/v1/orders";
            drive(url, token, 500, clients, "warm-up");
            for (int round = 1; round <= rounds; round++) {
                drive(url, token, orders, clients, "round " + round);
                rawInserts(stack, orders, "round " + round);
            }
        }
        // The load generator's client pools would keep the JVM alive.
        System.exit(0);
    }

    private static void drive(String url, String token, int orders, int clients, String label) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        long[] latencies = new long[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    String body = """
                            {"brandReference":"BENCH-%s-%d","variant":"LONG_RANGE_DUAL_MOTOR","exteriorColour":"SNOW",
                             "interior":"CHARCOAL_TAILORED_KNIT","optionPacks":["PLUS"],"wheels":"ALLOY_21","market":"US"}"""
                            .formatted(run, i);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("intake %-8s %6d orders, %2d clients: %7.0f orders/s  p50 %6.1f ms  p99 %6.1f ms  failures %d%n",
                label, orders, clients, orders / seconds, latencies[orders / 2] / 1e6, latencies[(int) (orders * 0.99)] / 1e6,
                failures.get());
    }

    /** The same number of single-row autocommit inserts of an order-sized row, over JDBC, one connection. */
    private static void rawInserts(LocalStack stack, int rows, String label) throws Exception {
        String url = "jdbc:postgresql://localhost:" + stack.options().ports().postgres() + "/orders";
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, brand text, reference text, "
                    + "variant text, market text, payload text, created_at timestamptz)");
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_raw VALUES (?, 'polestar', ?, 'LONG_RANGE_DUAL_MOTOR', 'US', ?, now())")) {
                for (int i = 0; i < rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "RAW-" + i);
                    insert.setString(3, "{\"optionPacks\":[\"PLUS\"],\"wheels\":\"ALLOY_21\"}");
                    insert.executeUpdate();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("raw    %-8s %6d rows, 1 connection: %7.0f inserts/s%n", label, rows, rows / seconds);
            ddl.execute("TRUNCATE bench_raw");
        }
    }
}
