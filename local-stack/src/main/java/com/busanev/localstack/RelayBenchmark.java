package com.busanev.localstack;

import static com.busanev.localstack.BenchmarkResources.median;
import static com.busanev.localstack.BenchmarkResources.started;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The kit's outbox relay alone: how fast a backlog committed in one transaction reaches Kafka. PostgreSQL and Kafka
 * run as in the local run; order-service runs from one or more builds side by side (for instance the relay before
 * and after a change), each on a database of its own, started afresh for each round, in turn within a round. Each
 * round commits a tenth of {@code rows} to warm up, then {@code rows} OrderPlaced-sized rows of distinct orders in
 * one transaction, and times from that commit the first row marked published (the wake-up and the first batch) and
 * the last (the whole backlog), polling every 20 ms. The table is analyzed between the two, once the warm-up is
 * published, so the relay's plan is made from statistics that say "nothing unpublished", as between bursts.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.RelayBenchmark
 * [rows] [rounds] [label=service-dir[,ENV_VAR=value...] ...]}; the default build is this checkout's order-service.
 */
public final class RelayBenchmark {
    private static final String PAYLOAD = "{\"orderId\":\"%s\",\"brand\":\"POLESTAR\",\"model\":\"POLESTAR_4\","
            + "\"variant\":\"LONG_RANGE_DUAL_MOTOR\",\"market\":\"US\",\"region\":\"NORTH_AMERICA\",\"colour\":\"SNOW\","
            + "\"interior\":\"CHARCOAL\",\"packs\":[\"PLUS\",\"PILOT\"],\"requestedWeek\":\"2027-W09\","
            + "\"partnerReference\":\"PO-%s\",\"placedAt\":\"2026-11-30T09:00:00Z\"}";


    private RelayBenchmark() {
    }


    /** One round of one build: when the first rows were marked published (how many) and when all were. */
    private record Result(Duration firstPublished, int firstRows, Duration allPublished, int rows) {
        /** From the commit: the wake-up included. */
        double rowsPerSecond() {
            return rows / (allPublished.toNanos() / 1e9);
        }

        /** From the first rows marked to the last: the drain alone, however the relay was woken. */
        double drainRowsPerSecond() {
            return (rows - firstRows) / (allPublished.minus(firstPublished).toNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArgs arguments = BenchmarkArgs.parse(args, 20_000);
        int rows = arguments.count();
        int rounds = arguments.rounds();
        Path root = arguments.root();
        Map<String, ServiceBuild> builds = arguments.builds();
        Path runDir = RunDirectory.create(root, "relay-");
        StackPorts ports = StackPorts.free();
        Map<String, String> databases = new HashMap<>();
        builds.keySet().forEach(label -> databases.put(label, "relay_" + label.replaceAll("\\W", "_")));
        Map<String, List<Result>> results = new LinkedHashMap<>();
        BenchmarkResources.stopAllOnExit();
        try (PostgresServer postgres = started(PostgresServer.start(runDir.resolve("postgres"), ports.postgres(),
                List.copyOf(databases.values())));
                KafkaServer kafka = started(KafkaServer.start(ports.kafka(), runDir.resolve("kafka")))) {
            for (int round = 1; round <= rounds; round++) {
                for (var build : builds.entrySet()) {
                    String database = databases.get(build.getKey());
                    Result result = run(build.getValue(), postgres, database, kafka, ports, runDir, rows);
                    results.computeIfAbsent(build.getKey(), label -> new ArrayList<>()).add(result);
                    System.out.printf("round %d  %-10s first published after %,6d ms, all %,d after %,6d ms: %,6.0f"
                            + " rows/s from the commit, %,6.0f rows/s drained%n", round, build.getKey(),
                            result.firstPublished().toMillis(), rows, result.allPublished().toMillis(),
                            result.rowsPerSecond(), result.drainRowsPerSecond());
                }
            }
        }
        BenchmarkResources.allClosed();
        System.out.println("medians:");
        results.forEach((label, runs) -> System.out.printf("  %-10s first published after %,6d ms, all after %,6d ms:"
                + " %,6.0f rows/s from the commit, %,6.0f rows/s drained%n", label,
                median(runs.stream().map(r -> (double) r.firstPublished().toMillis()).toList()).longValue(),
                median(runs.stream().map(r -> (double) r.allPublished().toMillis()).toList()).longValue(),
                median(runs.stream().map(Result::rowsPerSecond).toList()),
                median(runs.stream().map(Result::drainRowsPerSecond).toList())));
        RunDirectory.keepLogsOnly(runDir);
        System.exit(0);
    }

    /** Starts the build on its database, commits the backlog once the service is ready and idle, times it, stops. */
    private static Result run(ServiceBuild build, PostgresServer postgres, String database, KafkaServer kafka,
            StackPorts ports, Path runDir, int rows) throws Exception {
        int port = ports.services().get("order-service");
        Map<String, String> env = build.environment(port, postgres, database, kafka);
        Path service = build.service();
        try (ChildProcess process = started(new ChildProcess("order-service",
                ServiceJvm.command("-Xmx256m", build.jar(), List.of(), env), env, service,
                runDir.resolve("logs/" + database + ".log")));
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER,
                        PostgresServer.PASSWORD)) {
            process.awaitReady("http://localhost:" + port + "/q/health/ready", Duration.ofMinutes(3));
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE outbox_event");
            }
            // A warm-up backlog (a tenth, untimed) for the JIT, then the relay is idle, waiting.
            append(connection, Math.max(rows / 10, 1));
            while (unpublished(connection) > 0) {
                Thread.sleep(20);
            }
            // Statistics as a live system has them between bursts: every row published. The backlog then comes
            // faster than autoanalyze follows, as in a burst of orders.
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE outbox_event");
            }
            Thread.sleep(1_000);
            append(connection, rows);
            long committed = System.nanoTime();
            Duration first = null;
            int firstRows = 0;
            while (true) {
                int unpublished = unpublished(connection);
                long now = System.nanoTime();
                if (first == null && unpublished < rows) {
                    first = Duration.ofNanos(now - committed);
                    firstRows = rows - unpublished;
                }
                if (unpublished == 0) {
                    return new Result(first, firstRows, Duration.ofNanos(now - committed), rows);
                }
                Thread.sleep(20);
            }
        }
    }



    private static void append(Connection connection, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at)
                VALUES (?, 'order-events', 'com.busanev.OrderPlaced.v1', ?, ?, ?)""")) {
            for (int i = 0; i < rows; i++) {
                String order = UUID.randomUUID().toString();
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, order);
                insert.setString(3, PAYLOAD.formatted(order, i));
                insert.setObject(4, OffsetDateTime.now());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static int unpublished(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            result.next();
            return result.getInt(1);
        }
    }

}
