package com.busanev.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine: PostgreSQL, Kafka, Keycloak with the realm, the four services and the control
 * tower, started in order and stopped in reverse on {@link #close()}, on failure half-way, and from a JVM shutdown hook.
 * The end-to-end test starts it exactly as the local run does.
 */
public final class LocalStack implements AutoCloseable {
    /** Service name to its database. */
    public static final Map<String, String> DATABASES = Map.of(
            "order-service", "orders", "production-service", "production",
            "logistics-service", "logistics", "supplier-service", "supplier");
    /** The web application people work in: no database, no Kafka; it calls the four services with the user's token. */
    public static final String CONTROL_TOWER = "control-tower";

    /**
     * {@code oneServiceAtATime} starts each service only when the previous one is ready: slower, but each start time
     * is its own. {@code settings}: configuration every service gets on top of its own, as environment variables
     * (a benchmark opening the supplier's planning horizon, say).
     */
    public record Options(Path root, Path runDir, StackPorts ports, double acceleration, Instant anchor,
            boolean oneServiceAtATime, Map<String, String> settings) {
        public Options(Path root, Path runDir, StackPorts ports, double acceleration, Instant anchor) {
            this(root, runDir, ports, acceleration, anchor, false, Map.of());
        }

        public Options withSettings(Map<String, String> more) {
            Map<String, String> all = new java.util.HashMap<>(settings);
            all.putAll(more);
            return new Options(root, runDir, ports, acceleration, anchor, oneServiceAtATime, Map.copyOf(all));
        }
    }

    /** How long a service took to be ready, and its resident memory then. */
    public record ServiceStart(String service, Duration startTime, long rssMiB) {
    }

    /** The plant time a run reached when it stopped, so that the next run in the same folder resumes from it. */
    private static final String PLANT_CLOCK_FILE = "plant-clock";
    private static final double SECONDS_PER_DAY = 86_400;
    /** A plant day shorter than this (wall) paces the sequencer; a slower clock keeps the service's defaults. */
    private static final double PACED_BELOW_SECONDS = 600;
    private static final int PACED_OPEN_DAYS = 2;

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    /** The services and the control tower among {@code started}: stopped side by side, before the servers. */
    private final Set<AutoCloseable> applications = ConcurrentHashMap.newKeySet();
    /** Set when {@link #close()} begins (guarded by {@code started}). */
    private boolean closing;
    private final Map<String, ServiceStart> starts = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private volatile PostgresServer postgres;
    private volatile KafkaServer kafka;
    private final Thread shutdownHook = new Thread(this::closeQuietly, "local-stack-shutdown");

    private LocalStack(Options options) {
        this.options = options;
    }

    public static LocalStack start(Options options, java.util.function.Consumer<String> progress) throws Exception {
        LocalStack stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll(progress);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(java.util.function.Consumer<String> progress) throws Exception {
        StackPorts ports = options.ports();
        ports.requireFree();
        Files.createDirectories(options.runDir());
        progress.accept("starting Keycloak (realm ev-partnership) on port " + ports.keycloak() + " ...");
        ChildProcess keycloak = KeycloakServer.launch(KeycloakServer.distribution(options.root()), options.runDir(),
                ports.keycloak(), ports.keycloakManagement());
        keep(keycloak);

        progress.accept("starting PostgreSQL on port " + ports.postgres() + " ...");
        postgres = PostgresServer.start(options.runDir().resolve("postgres"), ports.postgres(),
                List.copyOf(DATABASES.values()));
        keep(postgres);
        progress.accept("starting Kafka (KRaft) on port " + ports.kafka() + " ...");
        kafka = KafkaServer.start(ports.kafka(), options.runDir().resolve("kafka"));
        keep(kafka);

        KeycloakServer.awaitReady(keycloak, ports.keycloak());
        progress.accept("Keycloak is ready; starting the four services and the control tower ...");
        for (var entry : ports.services().entrySet()) {
            ChildProcess service = startService(entry.getKey(), entry.getValue());
            keepApplication(service);
            services.put(entry.getKey(), service);
            if (options.oneServiceAtATime()) {
                awaitService(entry.getKey(), serviceUrl(entry.getKey()), service, progress);
            }
        }
        ChildProcess tower = startControlTower();
        keepApplication(tower);
        if (!options.oneServiceAtATime()) {
            for (var entry : services.entrySet()) {
                awaitService(entry.getKey(), serviceUrl(entry.getKey()), entry.getValue(), progress);
            }
        }
        awaitService(CONTROL_TOWER, controlTowerUrl(), tower, progress);
    }

    private void awaitService(String name, String url, ChildProcess service, java.util.function.Consumer<String> progress)
            throws InterruptedException {
        service.awaitReady(url + "/q/health/ready", Duration.ofMinutes(3));
        starts.put(name, new ServiceStart(name, service.startTime(), service.rssMiB()));
        progress.accept(name + " is ready on " + url);
    }

    private ChildProcess startService(String service, int port) throws IOException {
        String database = DATABASES.get(service);
        Map<String, String> env = commonEnvironment(port);
        env.putAll(postgres.datasourceEnvironment(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
        env.put("PRODUCTION_SIMULATOR_ENABLED", "true");
        env.put("LOGISTICS_SIMULATOR_ENABLED", "true");
        env.put("SUPPLIER_SIMULATOR_ENABLED", "true");
        if (service.equals("production-service")) {
            env.putAll(sequencingPace(options.acceleration()));
        }
        env.putAll(options.settings());
        return launch(service, "-Xmx256m", env);
    }

    /**
     * Line sequencing keeps pace with an accelerated plant clock: its refresh (60 s by default, a few minutes of a real
     * plant day) would otherwise see a fast plant day only now and then and freeze few of them. A pass runs at least
     * twice per plant day, over a shorter open horizon, with a search time that fits in the pass.
     */
    static Map<String, String> sequencingPace(double acceleration) {
        double plantDaySeconds = SECONDS_PER_DAY / acceleration;
        if (plantDaySeconds >= PACED_BELOW_SECONDS) {
            return Map.of();
        }
        long intervalMillis = Math.max(1_000, (long) (plantDaySeconds * 1_000 / 2));
        return Map.of("PRODUCTION_SEQUENCING_REFRESH_INTERVAL", intervalMillis + "ms",
                "PRODUCTION_SEQUENCING_OPEN_DAYS", String.valueOf(PACED_OPEN_DAYS),
                "PRODUCTION_SEQUENCING_TIME_LIMIT", Math.max(100, intervalMillis / (2 * (PACED_OPEN_DAYS + 1))) + "ms");
    }

    /** The control tower knows Keycloak, the plant clock and where each service listens. */
    private ChildProcess startControlTower() throws IOException {
        Map<String, String> env = commonEnvironment(options.ports().controlTower());
        options.ports().services().keySet().forEach(service -> env.put(
                "QUARKUS_REST_CLIENT_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL", serviceUrl(service)));
        return launch(CONTROL_TOWER, "-Xmx128m", env);
    }

    private Map<String, String> commonEnvironment(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl() + "/realms/" + KeycloakServer.REALM);
        env.put("KIT_CLOCK_ACCELERATION", String.valueOf(options.acceleration()));
        env.put("KIT_CLOCK_ANCHOR", options.anchor().toString());
        return env;
    }

    private ChildProcess launch(String module, String heap, Map<String, String> env) throws IOException {
        // As the JVM images do (Dockerfile.jvm): e.g. glibc's many malloc arenas held ~65 MiB of a service's
        // resident memory under load (docs/benchmarks, order intake).
        Map<String, String> environment = ServiceJvm.environment(env);
        Path jar = options.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        return new ChildProcess(module, ServiceJvm.command(heap, jar, List.of(), environment), environment,
                options.root().resolve(module), options.runDir().resolve("logs/" + module + ".log"));
    }

    /**
     * A crash of one service and its restart: the process is killed with SIGKILL wherever it is (mid-transaction,
     * between a Kafka acknowledgement and marking the outbox row, with uncommitted consumer offsets), started again
     * with the same command and environment, and awaited until it is ready.
     */
    public void restartService(String service) throws IOException, InterruptedException {
        ChildProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service + " in this stack: " + services.keySet());
        }
        process.killAndStart();
        process.awaitReady(serviceUrl(service) + "/q/health/ready", Duration.ofMinutes(3));
    }

    /** Stops the Kafka broker and starts it again on the same port with its log kept. */
    public void restartKafka() {
        kafka.restart();
    }

    /** Stops PostgreSQL (fast shutdown: every connection is cut, open transactions roll back) and starts it again on its data. */
    public void restartPostgres() throws IOException {
        postgres.restart();
    }

    /** A connection to a service's own database, for checks and reports across the services. */
    public Connection openDatabase(String service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASES.get(service)), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** The statements of all four databases that took PostgreSQL the most time since it started (pg_stat_statements). */
    public List<String> busiestStatements(int limit) throws SQLException {
        return postgres.busiestStatements(limit);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + options.ports().services().get(service);
    }

    /** Where people sign in and work. */
    public String controlTowerUrl() {
        return "http://localhost:" + options.ports().controlTower();
    }

    public String keycloakUrl() {
        return "http://localhost:" + options.ports().keycloak();
    }

    public Options options() {
        return options;
    }

    /** CPU time a service's process has used so far. */
    public Duration cpuTime(String service) {
        ChildProcess process = services.get(service);
        return process == null ? Duration.ZERO : process.cpuTime();
    }

    /** A service's process id, or -1 when it does not run in this stack. */
    long pid(String service) {
        ChildProcess process = services.get(service);
        return process == null ? -1 : process.pid();
    }

    /** PostgreSQL's postmaster, whose children are the backends of every service's connections. */
    long postgresPid() throws IOException {
        return postgres.pid();
    }

    /** A service's resident memory now, in MiB (Linux), or -1 when it cannot be read. */
    public long rssMiB(String service) {
        ChildProcess process = services.get(service);
        return process == null ? -1 : process.rssMiB();
    }

    /** Where a service's memory goes now ({@link NativeMemory}); the service must run with {@link NativeMemory#TRACKING}. */
    NativeMemory nativeMemory(String service) throws IOException, InterruptedException {
        ChildProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service + " in this stack");
        }
        return NativeMemory.of(process.pid(), process.rssMiB());
    }

    public List<ServiceStart> serviceStarts() {
        return List.copyOf(starts.values());
    }

    /** Plant time: the clock every service runs on, accelerated from the shared anchor. */
    public Instant plantNow() {
        long elapsed = Duration.between(options.anchor(), Instant.now()).toNanos();
        return options.anchor().plusNanos((long) (elapsed * options.acceleration()));
    }

    /**
     * The clock anchor that makes the plant clock resume where the last run in {@code runDir} stopped. The data
     * kept between runs (planned build dates, sailings, ETAs) lies in that run's plant time, and plant time must not
     * go backwards under it. A first run, or one that is not accelerated, starts at {@code now}.
     */
    public static Instant resumingAnchor(Path runDir, double acceleration, Instant now) throws IOException {
        Path file = runDir.resolve(PLANT_CLOCK_FILE);
        if (acceleration <= 1 || !Files.exists(file)) {
            return now;
        }
        Instant reached = Instant.parse(Files.readString(file).trim());
        if (!reached.isAfter(now)) {
            return now;
        }
        // plant(t) = anchor + (t - anchor) * acceleration; solved for plant(now) = reached:
        long aheadMillis = Duration.between(now, reached).toMillis();
        return now.minusMillis((long) (aheadMillis / (acceleration - 1)));
    }

    /**
     * Keeps a started server to stop on {@link #close()}. One that came up after the close began (Ctrl-C while the
     * stack starts: the shutdown hook runs beside the starting thread) is stopped at once, or it would outlive the run.
     */
    private void keep(AutoCloseable server) throws Exception {
        synchronized (started) {
            if (!closing) {
                started.add(server);
                return;
            }
        }
        server.close();
        throw new IllegalStateException("the local stack is stopping");
    }

    /** {@link #keep} for a service or the control tower, which {@link #close()} stops side by side. */
    private void keepApplication(ChildProcess application) throws Exception {
        applications.add(application);
        keep(application);
    }

    @Override
    public void close() {
        List<AutoCloseable> toStop;
        synchronized (started) {
            closing = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        if (!toStop.isEmpty()) {
            rememberPlantTime();
        }
        Collections.reverse(toStop);
        // The applications first, side by side (none needs another to stop, and each takes seconds to drain its
        // consumers), then the servers they used, in the reverse order of their start.
        Map<Boolean, List<AutoCloseable>> byKind = toStop.stream()
                .collect(Collectors.partitioningBy(applications::contains));
        stopSideBySide(byKind.get(true));
        byKind.get(false).forEach(LocalStack::stop);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private static void stopSideBySide(List<AutoCloseable> servers) {
        List<Thread> stopping = servers.stream().map(server -> new Thread(() -> stop(server), "stopping " + server)).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // each stop still ends by itself (ChildProcess kills after 20 s)
                return;
            }
        }
    }

    private static void stop(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("stopping " + server + " failed: " + e.getMessage());
        }
    }

    private void rememberPlantTime() {
        try {
            Files.writeString(options.runDir().resolve(PLANT_CLOCK_FILE), plantNow().toString());
        } catch (IOException e) {
            System.err.println("could not record the plant time reached: " + e.getMessage());
        }
    }

    private void closeQuietly() {
        close();
    }
}
