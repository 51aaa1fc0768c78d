package com.busanev.localstack;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Order intake under load, side by side with the raw database insert rate at the same concurrency in the same run.
 * By default order-service runs alone with its real PostgreSQL, Kafka and Keycloak ({@code --whole-suite} starts
 * the four services as the local run does). For each client count, {@code POST /api/v1/orders} (JWT check,
 * validation, Idempotency-Key, order + outbox + timeline rows in one transaction, event relayed to Kafka) is driven
 * by that many concurrent clients with a real Keycloak token, then as many JDBC connections insert order-sized rows
 * into the same PostgreSQL, one autocommit insert each. A warm-up, then {@code rounds} rounds; medians reported, with
 * the service's CPU time per order and its largest resident memory. {@code --batch N} sends the orders through
 * {@code POST /api/v1/orders/batch}, N a call (one Idempotency-Key and one transaction a call), as a brand's
 * system uploads them; the raw inserts stay single rows.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.IntakeBenchmark
 * [orders] [clients,clients] [rounds] [--batch N] [--whole-suite] [--root DIR] [NAME=value ...]}. {@code --root} takes
 * the services' jars from another tree (an older build, to compare side by side); {@code NAME=value} is set in the
 * services' environment (a setting, or {@code JDK_JAVA_OPTIONS} for their JVMs).
 */
public final class IntakeBenchmark {
    private static final String SERVICE = "order-service";
    private static final long PROGRESS_SECONDS = 5;
    /** The batch endpoint's limit (BatchRequest). */
    private static final int MAX_BATCH = 1000;

    private record Round(double perSecond, double p50Millis, double p99Millis, int failures) {
    }

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> positional = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        boolean wholeSuite = false;
        int batch = 1;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--whole-suite" -> wholeSuite = true;
                case "--root" -> root = Path.of(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                default -> {
                    String arg = args[i];
                    BenchmarkArgs.setting(arg).ifPresentOrElse(
                            setting -> settings.put(setting.getKey(), setting.getValue()), () -> positional.add(arg));
                }
            }
        }
        int orders = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 20_000;
        int[] clientCounts = Arrays.stream((positional.size() > 1 ? positional.get(1) : "16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3;
        if (batch < 1 || batch > MAX_BATCH || orders % batch != 0) {
            throw new IllegalArgumentException("--batch takes 1 to " + MAX_BATCH + " orders a call, a divisor of the "
                    + orders + " orders a round; got " + batch);
        }
        root = root.toAbsolutePath().normalize();
        Path runDir = RunDirectory.create(root, "bench-");
        StackPorts ports = StackPorts.free();
        if (!wholeSuite) {
            ports = new StackPorts(ports.postgres(), ports.kafka(), ports.keycloak(), ports.keycloakManagement(),
                    Map.of(SERVICE, ports.services().get(SERVICE)), ports.controlTower());
        }
        System.out.printf("intake benchmark: %s, %d orders a round%s, clients %s, %d rounds, jars from %s, settings %s%n",
                wholeSuite ? "whole suite" : "order-service alone", orders,
                batch == 1 ? ", one a call" : ", " + batch + " a batch call", Arrays.toString(clientCounts), rounds, root,
                settings);
        Map<Integer, Round[]> intake = new LinkedHashMap<>();
        Map<Integer, Round[]> raw = new LinkedHashMap<>();
        Map<Integer, double[]> cpuPerOrder = new LinkedHashMap<>();
        long largestRss = 0;
        // One event loop drives every client's connection; the clients' threads only wait for their responses.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        LocalStack.Options options = new LocalStack.Options(root, runDir, ports, 1, Instant.now()).withSettings(settings);
        try (LocalStack stack = LocalStack.start(options, line -> System.out.println("  " + line))) {
            PartnerApi api = new PartnerApi(stack.keycloakUrl());
            String url = stack.serviceUrl(SERVICE) + "/api/v1/orders";
            String jdbcUrl = "jdbc:postgresql://localhost:" + stack.options().ports().postgres() + "/"
                    + LocalStack.DATABASES.get(SERVICE);
            createRawTable(jdbcUrl);
            for (int clients : clientCounts) {
                drive(vertx, url, batch, api, orders, clients, "warm-up");
                rawInserts(jdbcUrl, orders, clients, "warm-up");
                Round[] intakeRounds = new Round[rounds];
                Round[] rawRounds = new Round[rounds];
                double[] cpuMicros = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    Duration cpuBefore = stack.cpuTime(SERVICE);
                    intakeRounds[round] = drive(vertx, url, batch, api, orders, clients, "round " + (round + 1));
                    cpuMicros[round] = stack.cpuTime(SERVICE).minus(cpuBefore).toNanos() / 1e3 / orders;
                    largestRss = Math.max(largestRss, stack.rssMiB(SERVICE));
                    rawRounds[round] = rawInserts(jdbcUrl, orders, clients, "round " + (round + 1));
                }
                intake.put(clients, intakeRounds);
                raw.put(clients, rawRounds);
                cpuPerOrder.put(clients, cpuMicros);
            }
        }
        System.out.println();
        System.out.println("clients | intake orders/s | p50 ms | p99 ms | service CPU us/order | raw inserts/s | raw p50 ms "
                + "| raw p99 ms | ratio   (medians of " + rounds + " rounds)");
        intake.forEach((clients, rounds1) -> {
            Round in = median(rounds1);
            Round out = median(raw.get(clients));
            System.out.printf("%7d | %15.0f | %6.1f | %6.1f | %20.0f | %13.0f | %10.1f | %10.1f | %4.0f%%%n", clients,
                    in.perSecond, in.p50Millis, in.p99Millis, median(cpuPerOrder.get(clients)), out.perSecond, out.p50Millis,
                    out.p99Millis, 100 * in.perSecond / out.perSecond);
        });
        System.out.printf("%s resident memory after the rounds, largest: %d MiB (-Xmx256m)%n", SERVICE, largestRss);
        if (batch > 1) {
            System.out.printf("intake through the batch endpoint, %d orders a call: p50 and p99 are a call's%n", batch);
        }
        // The load generator's client pools would keep the JVM alive.
        RunDirectory.keepLogsOnly(runDir);
        System.exit(0);
    }

    /** {@code orders} orders from {@code clients} clients, one a call or {@code batch} a call to the batch endpoint. */
    private static Round drive(Vertx vertx, String url, int batch, PartnerApi api, int orders, int clients, String label)
            throws Exception {
        String token = api.token("polestar-buyer");
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(clients));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String target = batch == 1 ? url : url + "/batch";
        int expected = batch == 1 ? 201 : 200;
        AtomicReference<String> firstFailure = new AtomicReference<>();
        try {
            return load("intake", label, orders / batch, batch, clients, "orders", call -> {
                StringBuilder items = new StringBuilder();
                for (int i = call * batch; i < (call + 1) * batch; i++) {
                    items.append(items.isEmpty() ? "" : ",").append("""
                            {"brandReference":"BENCH-%s-%d","variant":"LONG_RANGE_DUAL_MOTOR","exteriorColour":"SNOW",
                             "interior":"CHARCOAL_TAILORED_KNIT","optionPacks":["PLUS"],"wheels":"ALLOY_21","market":"US"}"""
                            .formatted(run, i));
                }
                Buffer body = Buffer.buffer(batch == 1 ? items.toString() : "{\"items\":[" + items + "]}");
                // Each call with its own Idempotency-Key, as a partner that retries safely sends it.
                RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target)
                        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json")
                        .putHeader("Idempotency-Key", run + "-" + call);
                String failure = http.request(request)
                        .compose(sent -> sent.send(body))
                        .compose(response -> response.body().map(answer -> response.statusCode() == expected
                                && (batch == 1 || answer.toJsonObject().getInteger("rejected") == 0)
                                ? null
                                : response.statusCode() + " " + answer))
                        .toCompletionStage().toCompletableFuture().get();
                if (failure != null) {
                    firstFailure.compareAndSet(null, failure);
                    return false;
                }
                return true;
            });
        } finally {
            http.close();
            if (firstFailure.get() != null) {
                System.out.println("  first failure: " + firstFailure.get());
            }
        }
    }

    private static void createRawTable(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, brand text, reference text, "
                    + "variant text, market text, payload text, created_at timestamptz)");
        }
    }

    /** The same number of single-row autocommit inserts of an order-sized row, over as many JDBC connections as clients. */
    private static Round rawInserts(String jdbcUrl, int rows, int connections, String label) throws Exception {
        List<Connection> open = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
            open.add(connection);
            inserts.add(connection.prepareStatement(
                    "INSERT INTO bench_raw VALUES (?, 'polestar', ?, 'LONG_RANGE_DUAL_MOTOR', 'US', ?, now())"));
        }
        AtomicInteger nextConnection = new AtomicInteger();
        ThreadLocal<PreparedStatement> mine = ThreadLocal.withInitial(() -> inserts.get(nextConnection.getAndIncrement()));
        try {
            return load("raw", label, rows, 1, connections, "inserts", i -> {
                PreparedStatement insert = mine.get();
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "RAW-" + i);
                insert.setString(3, "{\"optionPacks\":[\"PLUS\"],\"wheels\":\"ALLOY_21\"}");
                return insert.executeUpdate() == 1;
            });
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement ddl = connection.createStatement()) {
                ddl.execute("TRUNCATE bench_raw");
            }
        }
    }

    @FunctionalInterface
    private interface Operation {
        boolean run(int index) throws Exception;
    }

    /**
     * Runs {@code count} operations of {@code perOperation} units each on {@code workers} threads, printing progress
     * every few seconds; the rate is in units, the latencies are an operation's.
     */
    private static Round load(String what, String label, int count, int perOperation, int workers, String unit,
            Operation operation) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> System.out.printf("  ... %s %s, %d clients: %d of %d %s, %.0f/s so far%n",
                what, label, workers, done.get() * perOperation, count * perOperation, unit,
                done.get() * perOperation / ((System.nanoTime() - start) / 1e9)),
                PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        if (!operation.run(i)) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                    latencies[i] = System.nanoTime() - sent;
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            progress.shutdownNow();
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (firstError.get() != null) {
            System.out.println("  first error: " + firstError.get());
        }
        Arrays.sort(latencies);
        Round round = new Round(count * perOperation / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
                failures.get());
        System.out.printf("%-6s %-8s %6d %s, %2d clients: %7.0f %s/s  p50 %6.1f ms  p99 %6.1f ms  failures %d%n", what,
                label, count * perOperation, unit, workers, round.perSecond, unit, round.p50Millis, round.p99Millis, round.failures);
        return round;
    }

    /** Each figure's median over the rounds on its own. */
    private static Round median(Round[] rounds) {
        return new Round(median(rounds, Round::perSecond), median(rounds, Round::p50Millis),
                median(rounds, Round::p99Millis), 0);
    }

    private static double median(Round[] rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return median(Arrays.stream(rounds).mapToDouble(figure).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
