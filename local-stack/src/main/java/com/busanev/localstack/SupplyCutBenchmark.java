package com.busanev.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A supply cut at volume: one supplier's contract covers the plant's need, {@code builds} orders are placed and
 * scheduled (about 21 weeks of the line at 50,000), then procurement amends the contract to start a month later.
 * The month's packs are gone: supplier-service re-allocates, production-service moves every build of those weeks
 * out (BuildRescheduled to a later week with packs and line room, or BuildBlocked), and supplier-service follows
 * the moved demand. Measured: from the amendment to the last plan event (BuildScheduled, BuildRescheduled,
 * BuildBlocked) published to Kafka, once the chain is quiet again (no consumer lag, no unpublished outbox row,
 * nothing new for 3 s). The plant clock runs at real time, so no build starts meanwhile.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.SupplyCutBenchmark [builds] [rounds]}.
 */
public final class SupplyCutBenchmark {
    private static final String PLAN_EVENTS = "('com.busanev.BuildScheduled.v1', 'com.busanev.BuildRescheduled.v1', "
            + "'com.busanev.BuildBlocked.v1')";

    private SupplyCutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path root = Path.of(".").toAbsolutePath().normalize();
        List<Duration> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            results.add(round(root, builds, round));
        }
        results.sort(null);
        System.out.printf("supply cut at %d builds: settled in %s (median of %d: %.1f s)%n", builds,
                results.stream().map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).toList(), rounds,
                results.get(rounds / 2).toMillis() / 1000.0);
        System.exit(0);
    }

    private static Duration round(Path root, int builds, int round) throws Exception {
        Path runDir = RunDirectory.create(root, "supply-cut-");
        LocalStack.Options options = new LocalStack.Options(root, runDir, StackPorts.free(), 1, Instant.now())
                .withSettings(Map.of("SUPPLIER_PLAN_HORIZON_WEEKS", "30"));
        try (LocalStack stack = LocalStack.start(options, line -> System.out.println("  " + line));
                ChainProgress progress = new ChainProgress(stack)) {
            PartnerApi api = new PartnerApi(stack.keycloakUrl());
            Scenario scenario = new Scenario(stack, api, line -> System.out.println("  " + line));
            String contract = scenario.contractFor("LGES", 12_000);
            for (int from = 0; from < builds; from += 1000) {
                List<String> markets = new ArrayList<>();
                for (int i = from; i < Math.min(builds, from + 1000); i++) {
                    markets.add(i % 2 == 0 ? "US" : "DE");
                }
                scenario.placeBatch("CUT-" + from, markets, Duration.ofMinutes(1));
            }
            System.out.println("round " + round + ": " + builds + " orders placed; waiting for the plan to settle");
            awaitQuiet(stack, progress, Instant.EPOCH);
            ChainProgress.Reading before = progress.print();

            Instant cut = databaseNow(stack);
            scenario.delayStart(contract, Period.ofMonths(1));
            System.out.println("round " + round + ": contract amended to start a month later at " + cut);
            Instant last = awaitQuiet(stack, progress, cut);
            ChainProgress.Reading after = progress.print();
            Duration settled = Duration.between(cut, last);
            System.out.printf("round %d: %d plan events after the cut (%d rescheduled, %d blocked); scheduled %d -> %d; "
                            + "settled %.1f s after the amendment%n", round, planEvents(stack, cut, PLAN_EVENTS),
                    planEvents(stack, cut, "('com.busanev.BuildRescheduled.v1')"),
                    planEvents(stack, cut, "('com.busanev.BuildBlocked.v1')"), before.scheduled(), after.scheduled(),
                    settled.toMillis() / 1000.0);
            return settled;
        } finally {
            RunDirectory.keepLogsOnly(runDir);
        }
    }

    /**
     * Waits until no consumer lags, production-service and supplier-service have nothing left to publish and no plan
     * event was published for 3 s; answers when the last plan event since {@code since} was published.
     */
    static Instant awaitQuiet(LocalStack stack, ChainProgress progress, Instant since) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        Instant lastChange = Instant.now();
        long seen = -1;
        while (true) {
            Thread.sleep(500);
            long events = planEvents(stack, since, PLAN_EVENTS);
            Map<String, Long> unsent = progress.unsent();
            boolean quiet = progress.lag().values().stream().allMatch(lag -> lag == 0)
                    && unsent.get("production-service") == 0 && unsent.get("supplier-service") == 0;
            if (events != seen || !quiet) {
                seen = events;
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).toSeconds() >= 3) {
                return lastPublished(stack, since);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the plan did not settle within 30 minutes");
            }
        }
    }

    private static Instant databaseNow(LocalStack stack) throws Exception {
        try (Connection connection = stack.openDatabase("production-service"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT now()")) {
            result.next();
            return result.getTimestamp(1).toInstant();
        }
    }

    private static long planEvents(LocalStack stack, Instant since, String types) throws Exception {
        return queryOne(stack, "SELECT count(*) FROM outbox_event WHERE published_at >= ? AND event_type IN " + types,
                since, result -> result.getLong(1));
    }

    private static Instant lastPublished(LocalStack stack, Instant since) throws Exception {
        Timestamp last = queryOne(stack, "SELECT max(published_at) FROM outbox_event WHERE published_at >= ? "
                + "AND event_type IN " + PLAN_EVENTS, since, result -> result.getTimestamp(1));
        return last == null ? since : last.toInstant();
    }

    private interface Column<T> {
        T read(ResultSet result) throws SQLException;
    }

    /** One value of the one row a query of production-service's outbox answers. */
    private static <T> T queryOne(LocalStack stack, String sql, Instant since, Column<T> column) throws SQLException {
        try (Connection connection = stack.openDatabase("production-service");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return column.read(result);
            }
        }
    }
}
