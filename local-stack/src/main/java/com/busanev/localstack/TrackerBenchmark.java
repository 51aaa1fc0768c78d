package com.busanev.localstack;

import static com.busanev.localstack.BenchmarkResources.median;
import static com.busanev.localstack.BenchmarkResources.started;

import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * order-service's tracker alone: how many records a second it drains from production-events and logistics-events
 * into its orders' progress and timeline. PostgreSQL and Kafka run as in the local run; order-service runs from one
 * or more builds side by side (for instance the tracker before and after a change), started afresh for each round,
 * in turn within a round. The input is made once and sent unchanged to every run: {@code orders} orders (half US,
 * half Germany) and the six events of each car's life (BuildScheduled for every order, then BuildStarted and
 * VehicleBuilt; ShipmentBooked, then ShipmentDeparted, then ShipmentArrived), as the outbox relay publishes them
 * (binary-mode CloudEvents keyed by order). Each run has a database of its own, into which the orders are inserted
 * once the service is ready, and topics of their own (3 partitions, as the suite's): the consumer group
 * (order-service, as in the suite) starts each run with nothing committed and no run reads another's records. The
 * clock runs from the first record sent to the group's lag on the two topics being 0, polled every 200 ms; the
 * group commits its offsets every 5 s by default (auto.commit.interval.ms, which a build can set with
 * KAFKA_AUTO_COMMIT_INTERVAL_MS), so lag 0 comes up to that long after the last record was applied. A run counts
 * only if every event was applied (six timeline rows per order, every order ARRIVED); otherwise the benchmark fails.
 * Before the timed input, a fifth as many orders of their own go through untimed, so the JIT has compiled the hot
 * code and its CPU is not counted.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.TrackerBenchmark
 * [orders] [rounds] [label=service-dir[,ENV=value...] ...]}; the default build is this checkout's order-service.
 */
public final class TrackerBenchmark {
    /** The consumer group of the tracker's channels: the kit names it after the service. */
    private static final String GROUP = "order-service";
    private static final int PARTITIONS = 3;
    private static final int EVENTS_PER_ORDER = 6;
    /** Orders of the untimed warm-up, as a share of the timed ones (one in five). */
    private static final int WARM_UP_SHARE = 5;
    /** As order-service stores it (the brand claim of the partner's token) and production-service passes it on. */
    private static final String BRAND = "polestar";
    private static final String VARIANT = "LONG_RANGE_DUAL_MOTOR";
    /** Builds spread over most of 2027 and 2028, so every event of a car falls in those two years. */
    private static final LocalDate FIRST_BUILD_DAY = LocalDate.of(2027, 2, 1);
    private static final int BUILD_DAYS = 640;
    /** A tracker that consumes nothing this long is stuck (for instance retrying a failing batch forever). */
    private static final Duration STALLED = Duration.ofMinutes(3);
    private static final DateTimeFormatter CE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;


    private TrackerBenchmark() {
    }


    /** The two markets the orders alternate between, with their region, port of arrival and days at sea. */
    private enum Market {
        US(Region.NA, "USLGB", 14), DE(Region.EU, "DEBRV", 32);

        final Region region;
        final String port;
        final int daysAtSea;

        Market(Region region, String port, int daysAtSea) {
            this.region = region;
            this.port = port;
            this.daysAtSea = daysAtSea;
        }

        static Market of(int order) {
            return order % 2 == 0 ? US : DE;
        }
    }

    /** A record as the outbox relay sends it: keyed by its order, the CloudEvent attributes as ce_* headers. */
    private record Event(String orderId, String id, String ceType, String time, String payload) {
        static Event of(DomainEvent event, Instant time) throws JsonProcessingException {
            return new Event(event.subject(), UUID.randomUUID().toString(), event.eventType().ceType(),
                    CE_TIME.format(time.atOffset(ZoneOffset.UTC)), EventJson.mapper().writeValueAsString(event));
        }

        /** Headers built at send time: kept for every record of the input, they would take more memory than it. */
        ProducerRecord<String, String> toRecord(String topic, String source) {
            List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", id),
                    header("ce_source", source), header("ce_type", ceType), header("ce_subject", orderId),
                    header("ce_time", time), header("content-type", "application/json"));
            return new ProducerRecord<>(topic, null, orderId, payload, headers);
        }

        private static Header header(String name, String value) {
            return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every run's input: the orders and their events per topic, each topic's in the order it is sent. */
    private record Input(List<UUID> orders, List<Event> production, List<Event> logistics) {
        int records() {
            return production.size() + logistics.size();
        }

        /** {@code count} orders, their cars numbered from {@code first} (a VIN each). */
        static Input generate(int count, int first) throws JsonProcessingException {
            Random random = new Random();
            List<UUID> orders = new ArrayList<>(count);
            List<Event> scheduled = new ArrayList<>(count);
            List<Event> built = new ArrayList<>(2 * count);
            List<Event> booked = new ArrayList<>(count);
            List<Event> departed = new ArrayList<>(count);
            List<Event> arrived = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                UUID order = UUID.randomUUID();
                orders.add(order);
                Market market = Market.of(i);
                LocalDate planned = FIRST_BUILD_DAY.plusDays(random.nextInt(BUILD_DAYS));
                String week = IsoWeek.of(planned).toString();
                // 10:00 in Busan; the car is booked once built and sails three days later.
                Instant started = planned.atTime(1, 0).toInstant(ZoneOffset.UTC);
                Instant scheduledAt = started.minus(Duration.ofDays(28));
                Instant builtAt = started.plus(Duration.ofHours(9));
                Instant bookedAt = builtAt.plus(Duration.ofHours(2));
                Instant departure = builtAt.plus(Duration.ofDays(3));
                Instant eta = departure.plus(Duration.ofDays(market.daysAtSea));
                UUID voyage = UUID.randomUUID();
                String vin = "LPS4%013d".formatted(first + i + 1);
                scheduled.add(Event.of(new BuildScheduled(order, market.name(), market.region, VARIANT, planned, week,
                        scheduledAt), scheduledAt));
                built.add(Event.of(new BuildStarted(order, planned, started), started));
                built.add(Event.of(new VehicleBuilt(order, BRAND, vin, market.name(), market.region,
                        "LGES-%s-%06d".formatted(week, first + i + 1), "LG Energy Solution", 0, 1450.0, builtAt), builtAt));
                booked.add(Event.of(new ShipmentBooked(order, vin, voyage, "Glovis Sirius", TransportMode.RO_RO, null,
                        "KRPUS", market.port, departure, eta, bookedAt), bookedAt));
                departed.add(Event.of(new ShipmentDeparted(order, voyage, departure, eta), departure));
                arrived.add(Event.of(new ShipmentArrived(order, voyage, market.port, eta), eta));
            }
            return new Input(orders, concat(scheduled, built), concat(booked, departed, arrived));
        }

        @SafeVarargs
        private static List<Event> concat(List<Event>... lists) {
            return Stream.of(lists).flatMap(List::stream).toList();
        }
    }

    /** A run's topics, named after its build and round. */
    private record Topics(String production, String logistics) {
        static Topics of(String label, int round) {
            String suffix = "-" + label.toLowerCase().replaceAll("[^a-z0-9-]", "-") + "-" + round;
            return new Topics("production-events" + suffix, "logistics-events" + suffix);
        }

        List<TopicPartition> partitions() {
            return Stream.of(production, logistics)
                    .flatMap(topic -> IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)))
                    .toList();
        }
    }

    /** What every run uses. */
    private record Stack(PostgresServer postgres, KafkaServer kafka, Admin admin,
            KafkaProducer<String, String> producer, StackPorts ports, Path runDir) {
    }

    /**
     * One round of one build: the records drained, how long that took, the CPU the service and PostgreSQL used
     * meanwhile, and what the database holds after.
     */
    private record Result(int records, Duration elapsed, Duration serviceCpu, Duration postgresCpu, long timelineRows,
            long arrived) {
        double recordsPerSecond() {
            return records / (elapsed.toNanos() / 1e9);
        }

        /** CPU milliseconds, service and PostgreSQL together, per 1,000 records: what a record costs the machine. */
        double cpuMillisPerThousand() {
            return serviceCpu.plus(postgresCpu).toNanos() / 1e6 / (records / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArgs arguments = BenchmarkArgs.parse(args, 50_000);
        int orders = arguments.count();
        int rounds = arguments.rounds();
        Path root = arguments.root();
        Map<String, ServiceBuild> builds = arguments.builds();
        Input warmUp = Input.generate(Math.max(orders / WARM_UP_SHARE, 1), 0);
        Input input = Input.generate(orders, warmUp.orders().size());
        Path runDir = RunDirectory.create(root, "tracker-");
        StackPorts ports = StackPorts.free();
        List<String> databases = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String label : builds.keySet()) {
                databases.add(database(label, round));
            }
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        BenchmarkResources.stopAllOnExit();
        try (PostgresServer postgres = started(PostgresServer.start(runDir.resolve("postgres"), ports.postgres(),
                databases));
                KafkaServer kafka = started(KafkaServer.start(ports.kafka(), runDir.resolve("kafka")));
                Admin admin = started(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrap())));
                KafkaProducer<String, String> producer = started(producer(kafka))) {
            Stack stack = new Stack(postgres, kafka, admin, producer, ports, runDir);
            for (int round = 1; round <= rounds; round++) {
                for (var build : builds.entrySet()) {
                    Result result = run(stack, build.getKey(), round, build.getValue(), warmUp, input);
                    results.computeIfAbsent(build.getKey(), label -> new ArrayList<>()).add(result);
                    System.out.printf("round %d  %-10s %,9d records  %7.1f s  %,8.0f records/s  CPU s: service %.1f"
                            + ", PostgreSQL %.1f, %,.0f ms per 1,000 records  timeline rows %,d  arrived %,d%n", round,
                            build.getKey(), result.records(), result.elapsed().toMillis() / 1000.0,
                            result.recordsPerSecond(), result.serviceCpu().toMillis() / 1000.0,
                            result.postgresCpu().toMillis() / 1000.0, result.cpuMillisPerThousand(),
                            result.timelineRows(), result.arrived());
                }
            }
        }
        BenchmarkResources.allClosed();
        System.out.println("medians:");
        results.forEach((label, runs) -> System.out.printf("  %-10s %7.1f s  %,8.0f records/s  %,.0f CPU ms per 1,000"
                + " records%n", label, median(runs.stream().map(r -> r.elapsed().toMillis() / 1000.0).toList()),
                median(runs.stream().map(Result::recordsPerSecond).toList()),
                median(runs.stream().map(Result::cpuMillisPerThousand).toList())));
        RunDirectory.keepLogsOnly(runDir);
        System.exit(0);
    }

    /**
     * Starts the build on its database and topics, inserts the orders once it is ready, sends the input and times
     * until the group has committed every record; fails unless every event was applied.
     */
    private static Result run(Stack stack, String label, int round, ServiceBuild build, Input warmUp, Input input)
            throws Exception {
        String database = database(label, round);
        Topics topics = Topics.of(label, round);
        stack.admin().createTopics(Stream.of(topics.production(), topics.logistics())
                .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList()).all().get();
        int port = stack.ports().services().get("order-service");
        Map<String, String> env = build.environment(port, stack.postgres(), database, stack.kafka());
        // Partner webhooks are not measured: no sender (their consumer reads the suite's topics, empty here).
        env.putIfAbsent("KIT_WEBHOOKS_ENABLED", "false");
        Path service = build.service();
        // The run's topics as system properties: an environment variable cannot name the channels' dash
        // (MP_MESSAGING_INCOMING_PRODUCTION_EVENTS_TOPIC configures a channel "production").
        List<String> command = ServiceJvm.command("-Xmx256m", build.jar(), List.of(
                "-Dmp.messaging.incoming.production-events.topic=" + topics.production(),
                "-Dmp.messaging.incoming.logistics-events.topic=" + topics.logistics()), env);
        try (ChildProcess process = started(new ChildProcess("order-service", command, env, service,
                stack.runDir().resolve("logs/" + database + ".log")));
                Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                        PostgresServer.USER, PostgresServer.PASSWORD)) {
            process.awaitReady("http://localhost:" + port + "/q/health/ready", Duration.ofMinutes(3));
            insertOrders(connection, Stream.concat(warmUp.orders().stream(), input.orders().stream()).toList());
            // A fresh JVM compiles its hot code in the first seconds: that CPU is not the tracker's cost per record.
            send(stack.producer(), warmUp, topics);
            awaitDrained(stack.admin(), topics, warmUp.records(), System.nanoTime(), process);
            Duration serviceCpu = process.cpuTime();
            Map<Long, Duration> postgresCpu = postgresCpu();
            long start = System.nanoTime();
            send(stack.producer(), input, topics);
            Duration elapsed = awaitDrained(stack.admin(), topics, input.records(), start, process);
            Result result = new Result(input.records(), elapsed, process.cpuTime().minus(serviceCpu),
                    cpuSince(postgresCpu),
                    count(connection, "SELECT count(*) FROM order_timeline"),
                    count(connection, "SELECT count(*) FROM orders WHERE status = 'ARRIVED'"));
            int orders = warmUp.orders().size() + input.orders().size();
            if (result.timelineRows() != (long) EVENTS_PER_ORDER * orders || result.arrived() != orders) {
                throw new IllegalStateException(("%s, round %d: not every event was applied (timeline rows %d of %d,"
                        + " arrived %d of %d): no valid measure; see %s").formatted(label, round, result.timelineRows(),
                        EVENTS_PER_ORDER * orders, result.arrived(), orders, process.log));
            }
            return result;
        }
    }

    private static String database(String label, int round) {
        return "tracker_" + label.replaceAll("\\W", "_") + "_" + round;
    }



    /**
     * As the outbox relay's producer (acks=all, 64 KiB batches, no compression: the relay's defaults), lingering
     * longer since everything is sent at once.
     */
    private static KafkaProducer<String, String> producer(KafkaServer kafka) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Orders as order-service writes them at intake (V1__orders.sql), in the status the tracker moves on from. */
    private static void insertOrders(Connection connection, List<UUID> orders) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO orders (id, brand, brand_reference, model, variant, exterior_colour, interior, option_packs,
                    wheels, market, region, priority, status, status_at, created_at, updated_at, version)
                VALUES (?, ?, ?, 'POLESTAR_4', ?, 'SNOW', 'CHARCOAL_TAILORED_KNIT', 'PLUS', 'ALLOY_21', ?, ?, 5,
                    'RECEIVED', now(), now(), now(), 0)""")) {
            for (int i = 0; i < orders.size(); i++) {
                Market market = Market.of(i);
                insert.setObject(1, orders.get(i));
                insert.setString(2, BRAND);
                insert.setString(3, "TRACKER-" + i);
                insert.setString(4, VARIANT);
                insert.setString(5, market.name());
                insert.setString(6, market.region.name());
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        // The tracker's queries planned from statistics that know the orders, as in a live system.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE orders");
        }
    }

    /** Every record, production's then logistics', each topic's in input order; fails if Kafka refused one. */
    private static void send(KafkaProducer<String, String> producer, Input input, Topics topics) {
        AtomicReference<Exception> refused = new AtomicReference<>();
        Callback callback = (metadata, failure) -> {
            if (failure != null) {
                refused.compareAndSet(null, failure);
            }
        };
        input.production().forEach(event -> producer.send(event.toRecord(topics.production(), "/production-service"),
                callback));
        input.logistics().forEach(event -> producer.send(event.toRecord(topics.logistics(), "/logistics-service"),
                callback));
        producer.flush();
        if (refused.get() != null) {
            throw new IllegalStateException("Kafka refused a record", refused.get());
        }
    }

    /** Polls the group's lag every 200 ms until it is 0, printing progress every 5 s; returns the time from start. */
    private static Duration awaitDrained(Admin admin, Topics topics, int records, long start, ChildProcess process)
            throws Exception {
        long printed = start;
        long moved = start;
        long lastLag = -1;
        while (true) {
            long lag = lag(admin, topics);
            long now = System.nanoTime();
            if (lag == 0) {
                return Duration.ofNanos(now - start);
            }
            if (lag != lastLag) {
                lastLag = lag;
                moved = now;
            } else if (now - moved > STALLED.toNanos()) {
                throw new IllegalStateException("order-service consumed nothing for " + STALLED.toMinutes()
                        + " minutes, " + lag + " records behind; see " + process.log);
            }
            if (now - printed >= Duration.ofSeconds(5).toNanos()) {
                printed = now;
                System.out.printf("  %5.1f s  consumed %,d of %,d  lag %,d%n", (now - start) / 1e9, records - lag,
                        records, lag);
            }
            Thread.sleep(200);
        }
    }

    /** End offsets minus the group's committed ones; a partition it has committed nothing on is behind by all of it. */
    private static long lag(Admin admin, Topics topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(topics.partitions()
                .stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /**
     * CPU time so far of each PostgreSQL process (the server and its backends, one per connection of the service's
     * pools): a process that ends during the run (an autovacuum worker) is not counted.
     */
    private static Map<Long, Duration> postgresCpu() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().filter(command -> command.endsWith("/postgres")).isPresent())
                .collect(Collectors.toMap(ProcessHandle::pid,
                        process -> process.info().totalCpuDuration().orElse(Duration.ZERO)));
    }

    /** PostgreSQL's CPU since {@code before}: a process started since counts from zero. */
    private static Duration cpuSince(Map<Long, Duration> before) {
        return postgresCpu().entrySet().stream()
                .map(now -> now.getValue().minus(before.getOrDefault(now.getKey(), Duration.ZERO)))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

}
