package com.busanev.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Orders flowing order -> schedule -> build -> shipment through the whole suite on this machine: battery
 * contracts and sailings with room for all of them are set up, the plan horizon opened to two years,
 * {@code orders} Polestar 4 orders (North America and Europe) go in through the batch endpoint, 1,000 per call,
 * and the clock runs until every car has a booked shipment. The plant clock is accelerated, so the plant's real
 * capacity (486 Polestar slots a working day) paces builds; at 172,800x (two plant days a second) a year's
 * 300,000 cars take about 7.5 minutes of plant calendar, so the software, not the calendar, is the limit. A line
 * every 5 s: placed, scheduled, built, booked, each consumer group's lag, each service's outbox backlog (events
 * committed, not yet published) and memory. order-service pauses intake while the chain is more than its
 * {@code order.admission.max-lag} behind (503 with Retry-After, which the placing waits for). Arguments after the
 * acceleration are settings of every service for the run, as environment variables: {@code ORDER_ADMISSION_MAX_LAG=0}
 * never pauses; {@code --clients N} places from N threads, a call each at a time (default 1); {@code --native-memory}
 * starts the services with Native Memory Tracking and prints, at the end, where each one's resident memory goes.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.FlowBenchmark [orders] [acceleration] [--clients N] [--native-memory] [NAME=value ...]}.
 */
public final class FlowBenchmark {
    private static final int BATCH = 1000;
    private static final Duration SAILINGS_AHEAD = Duration.ofDays(60);
    /** How long one batch may wait for paused intake to resume before the run gives up. */
    private static final Duration INTAKE_PATIENCE = Duration.ofMinutes(10);
    private static final int BUSIEST_STATEMENTS = 15;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private FlowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double acceleration = args.length > 1 ? Double.parseDouble(args[1]) : 172_800;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path runDir = RunDirectory.create(root, "flow-");
        // The supplier allocates as far ahead as the plant plans: two years. Line sequencing is measured on its own
        // (docs/benchmarks/sequencing.md): here its refresh would re-sequence every open day at every tick.
        Map<String, String> settings = new HashMap<>(Map.of("SUPPLIER_PLAN_HORIZON_WEEKS", "104",
                "PRODUCTION_SEQUENCING_REFRESH_INTERVAL", "disabled"));
        int clients = 1;
        boolean nativeMemory = false;
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--clients") && i + 1 < args.length) {
                clients = Integer.parseInt(args[++i]);
                continue;
            }
            if (arg.equals("--native-memory")) {
                nativeMemory = true;
                continue;
            }
            Map.Entry<String, String> setting = BenchmarkArgs.setting(arg)
                    .orElseThrow(() -> new IllegalArgumentException("a setting is NAME=value, not " + arg));
            settings.put(setting.getKey(), setting.getValue());
        }
        if (nativeMemory) {
            settings.merge("JDK_JAVA_OPTIONS", NativeMemory.TRACKING, (given, tracking) -> given + " " + tracking);
        }
        int callers = clients;
        LocalStack.Options options = new LocalStack.Options(root, runDir, StackPorts.free(), acceleration, Instant.now())
                .withSettings(settings);
        try (LocalStack stack = LocalStack.start(options, line -> System.out.println("  " + line));
                ChainProgress progress = new ChainProgress(stack)) {
            PartnerApi api = new PartnerApi(stack.keycloakUrl());
            Scenario scenario = new Scenario(stack, api, line -> System.out.println("  " + line));
            scenario.prepareVolumeSupply();
            scenario.openHorizon(104);
            scenario.keepSailingsAhead(SAILINGS_AHEAD, Duration.ZERO);
            Instant start = Instant.now();
            ProcCpu.MachineTicks coresAtStart = ProcCpu.linux().machine();
            CompletableFuture<Duration> intake = CompletableFuture.supplyAsync(() -> place(scenario, orders, callers, start));
            ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor();
            ChainProgress.Reading reading;
            try {
                ScheduledFuture<?> sailings = operator.scheduleWithFixedDelay(() -> keepSailingsAhead(scenario),
                        PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                do {
                    Thread.sleep(PROGRESS_EVERY.toMillis());
                    if (sailings.isDone()) {
                        sailings.get(); // throws what stopped the operator
                    }
                    reading = progress.print();
                    if (Duration.between(start, Instant.now()).toMinutes() > 90) {
                        throw new IllegalStateException("gave up after 90 minutes");
                    }
                } while (reading.booked() < orders);
            } finally {
                operator.shutdownNow();
            }
            Duration placed = intake.join();
            Duration total = Duration.between(start, Instant.now());
            System.out.printf("intake: %d orders through the batch endpoint in %.1f s (%.0f orders/s), told to wait "
                    + "%d times%n", orders, placed.toMillis() / 1000.0, orders * 1000.0 / placed.toMillis(), api.toldToWait());
            System.out.printf("flow: %d orders placed, scheduled, built and booked on a voyage in %.1f s wall "
                    + "(%.0f orders/s) at %.0fx%n", orders, total.toMillis() / 1000.0, orders * 1000.0 / total.toMillis(),
                    acceleration);
            System.out.println("largest lag (records): " + ChainProgress.brief(progress.maxLag()));
            System.out.println("largest outbox backlog (events committed, not yet published): "
                    + ChainProgress.brief(progress.maxUnsent()));
            System.out.println("largest resident memory (MiB, -Xmx256m each): " + ChainProgress.brief(progress.maxRss()));
            System.out.println("CPU seconds per service (since its start): " + ChainProgress.brief(progress.cpuSeconds()));
            printWhereTheCoresWent(stack, coresAtStart);
            if (nativeMemory) {
                System.out.println("memory at the end by the JVM's account (Native Memory Tracking, committed MiB):");
                for (String service : ChainProgress.SERVICES) {
                    System.out.println("  " + service + ": " + stack.nativeMemory(service).brief());
                }
            }
            System.out.println("where PostgreSQL's time went (pg_stat_statements; a statement's time includes its waits "
                    + "for locks):");
            stack.busiestStatements(BUSIEST_STATEMENTS).forEach(line -> System.out.println("  " + line));
        }
        RunDirectory.keepLogsOnly(runDir);
        System.exit(0);
    }

    /**
     * The flow on two cores is CPU-bound: how busy the cores were, what PostgreSQL and this JVM (Kafka's broker, the
     * callers) used, and each service's CPU by the kind of thread that used it (the JIT compilers and the collector
     * are a service's overhead, the rest its work).
     */
    private static void printWhereTheCoresWent(LocalStack stack, ProcCpu.MachineTicks atStart) throws IOException {
        ProcCpu cpu = ProcCpu.linux();
        System.out.printf("the cores: %.0f%% busy during the flow; PostgreSQL used %d CPU seconds (all its processes), "
                + "this JVM (Kafka's broker, the callers) %d%n", 100 * cpu.machine().busyShareSince(atStart),
                cpu.withDescendants(stack.postgresPid()).toSeconds(),
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toSeconds());
        System.out.println("CPU seconds per service by thread (" + Arrays.stream(ProcCpu.ThreadKind.values())
                .map(kind -> kind.label).collect(Collectors.joining(" / ")) + "):");
        for (String service : ChainProgress.SERVICES) {
            Map<ProcCpu.ThreadKind, Duration> kinds = cpu.byThreadKind(stack.pid(service));
            System.out.printf("  %-19s %s%n", service, Arrays.stream(ProcCpu.ThreadKind.values())
                    .map(kind -> String.format("%.1f", kinds.getOrDefault(kind, Duration.ZERO).toMillis() / 1000.0))
                    .collect(Collectors.joining(" / ")));
        }
    }

    /**
     * As a logistics operator keeps the schedule ahead of the plant clock (two plant days a second), on a thread of
     * its own: creating voyages on a busy logistics-service takes up to half a minute, which the progress line
     * (every {@link #PROGRESS_EVERY}) does not wait for.
     */
    private static void keepSailingsAhead(Scenario scenario) {
        try {
            scenario.keepSailingsAhead(SAILINGS_AHEAD, Duration.ofMinutes(1));
        } catch (Exception e) {
            throw new IllegalStateException("keeping the sailings ahead of the plant clock failed", e);
        }
    }

    /**
     * Places the orders, {@code BATCH} a call, from {@code clients} threads that take the next batch when their call
     * is answered (a brand's system sending that many calls at a time); returns when the last is placed.
     */
    private static Duration place(Scenario scenario, int orders, int clients, Instant start) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                sent.add(senders.submit(() -> {
                    for (int from = next.getAndAdd(BATCH); from < orders; from = next.getAndAdd(BATCH)) {
                        List<String> markets = new ArrayList<>();
                        for (int i = from; i < Math.min(orders, from + BATCH); i++) {
                            markets.add(i % 2 == 0 ? "US" : "DE");
                        }
                        scenario.placeBatch("FLOW-" + from, markets, INTAKE_PATIENCE);
                    }
                    return null;
                }));
            }
            for (Future<?> batches : sent) {
                batches.get();
            }
            return Duration.between(start, Instant.now());
        } catch (Exception e) {
            throw new IllegalStateException("placing the orders failed", e);
        } finally {
            senders.shutdownNow();
        }
    }
}
