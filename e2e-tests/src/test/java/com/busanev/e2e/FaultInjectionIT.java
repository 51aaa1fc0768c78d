package com.busanev.e2e;

import static com.busanev.e2e.ServiceDatabases.LOGISTICS;
import static com.busanev.e2e.ServiceDatabases.ORDERS;
import static com.busanev.e2e.ServiceDatabases.PRODUCTION;
import static com.busanev.e2e.ServiceDatabases.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.busanev.e2e.ServiceDatabases.BuildRow;
import com.busanev.e2e.ServiceDatabases.Event;
import com.busanev.e2e.ServiceDatabases.OrderRow;
import com.busanev.e2e.ServiceDatabases.ShipmentRow;
import com.busanev.events.EventType;
import com.busanev.localstack.LocalStack;
import com.busanev.localstack.PartnerApi;
import com.busanev.localstack.Scenario;
import com.busanev.testing.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chain under faults. 2,000 orders go in through the batch endpoint and 200 of them are asked to be
 * cancelled while every service is killed with SIGKILL once and started again, the Kafka broker is restarted once
 * and PostgreSQL once, each at a random moment drawn from a printed seed ({@code -Dfaults.seed=} replays a run's
 * draw; the moments the chain reaches differ with the machine). Once everything settled, the four databases and
 * the dead-letter topics must tell one consistent story: every order at its end, the same VIN and voyage
 * everywhere, no cancelled order with a car, nothing lost, nothing applied twice, nothing dead-lettered.
 * Runs last: it restarts parts of the stack the other end-to-end tests share.
 */
@Order(3)
@ExtendWith(SharedStack.class)
class FaultInjectionIT {
    private static final int ORDER_COUNT = 2_000;
    private static final int BATCH_SIZE = 1_000;
    private static final int CANCEL_COUNT = 200;
    /** The faults fall in this window from the first batch on, while orders are scheduled, built and shipped. */
    private static final Duration FAULT_WINDOW = Duration.ofSeconds(60);
    /** Between two cancel requests: 200 of them spread over the first minute, across every stage of the chain. */
    private static final Duration CANCEL_PAUSE = Duration.ofMillis(250);
    /** How long the brand's system repeats a call while order-service or its database restarts. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Generous: on 2 cores the chain settles in a minute or two after the last fault. */
    private static final Duration SETTLE = Duration.ofMinutes(6);
    /** How long the relay may take to publish a row once it is committed before the row counts as stuck. */
    private static final Duration OUTBOX_CATCH_UP = Duration.ofSeconds(30);
    /** The logistics operator keeps sailings planned this far ahead of the plant clock (a minute at 43,200x). */
    private static final Duration SAILINGS_AHEAD = Duration.ofDays(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final String SEED = "faults.seed";
    private static final Set<String> END_STATES = Set.of("ARRIVED", "CANCELLED");
    private static final List<String> SERVICES = List.of(ORDERS, PRODUCTION, LOGISTICS, SUPPLIER);
    /** The brand's order system takes every event of its orders by webhook, at this path of the test's receiver. */
    private static final String BRAND_HOOK = "/polestar-oms";
    /** The brand of polestar-buyer's token (its {@code brand} claim). */
    private static final String BRAND = "polestar";
    /** While the faults run, the brand's endpoint fails or hangs now and then. */
    private static final Duration HOOK_TROUBLE_EVERY = Duration.ofSeconds(7);
    /** Korean cars go by truck: no voyage. */
    private static final String KOREA = "KR";

    private final List<Scenario.Placed> placed = new CopyOnWriteArrayList<>();
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final Map<UUID, Scenario.Cancel> cancels = new LinkedHashMap<>();

    /**
     * The last test of the shared stack stops it, so that what the services log while stopping is read: a clean
     * shutdown logs no ERROR (the faults before it may, as services lose their database or broker), and it stops
     * while a partner reads from every service: a request under way gets its answer, none a 500.
     */
    @AfterAll
    static void aCleanShutdownUnderTrafficLogsNoError(LocalStack stack) throws Exception {
        Map<String, Integer> before = ServiceLogs.lineCounts(stack.options().runDir(), SERVICES);
        List<String> lists = List.of(stack.serviceUrl(ORDERS) + "/api/v1/orders",
                stack.serviceUrl(PRODUCTION) + "/api/v1/builds", stack.serviceUrl(LOGISTICS) + "/api/v1/shipments",
                stack.serviceUrl(SUPPLIER) + "/api/v1/packs");
        try (ReadTraffic traffic = ReadTraffic.start(new PartnerApi(stack.keycloakUrl()), lists)) {
            await("every service answering the reader").atMost(Duration.ofSeconds(30))
                    .until(() -> traffic.answered().values().stream().allMatch(count -> count > 0));
            stack.close();
            log("answers to the reader, the services stopping at the last: " + traffic.answered());
            assertThat(traffic.unexpected()).as("answers while the services stopped").isEmpty();
        }
        assertThat(ServiceLogs.errorsAfter(stack.options().runDir(), before))
                .as("ERROR lines logged while the services stopped").isEmpty();
    }

    @Test
    void everyOrderEndsTheSameInEveryServiceThroughCrashesAndRestarts(LocalStack stack) throws Exception {
        long seed = Long.getLong(SEED, System.nanoTime());
        Random random = new Random(seed);
        log("seed " + seed + " (replay the draw with -D" + SEED + "=" + seed + ")");
        Faults faults = Faults.draw(random, stack.options().ports().services().keySet(), FAULT_WINDOW);
        faults.plan().forEach(fault -> log(String.format("planned: %s at +%.1f s", fault.target(), fault.at().toMillis() / 1000.0)));

        PartnerApi api = new PartnerApi(stack.keycloakUrl());
        Scenario scenario = new Scenario(stack, api, FaultInjectionIT::log);
        ServiceDatabases databases = new ServiceDatabases(stack);
        scenario.prepareVolumeSupply();
        scenario.keepSailingsAhead(SAILINGS_AHEAD, PATIENCE);
        List<String> markets = markets(random);
        receiver.trust(BRAND_HOOK, subscribe(api, stack));
        // every replica's webhook recorder learns of the first subscription within its backlog refresh (1 s here)
        Thread.sleep(Duration.ofSeconds(3).toMillis());

        Instant start = Instant.now();
        // The progress line, the sailings ahead, and the faults.
        ScheduledExecutorService background = Executors.newScheduledThreadPool(3);
        background.scheduleWithFixedDelay(() -> printProgress(stack, databases, start), PROGRESS_EVERY.toMillis(),
                PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(() -> keepSailing(scenario), PROGRESS_EVERY.toMillis(),
                PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> hookTrouble = background.scheduleWithFixedDelay(() -> receiver.script(BRAND_HOOK,
                        WebhookReceiver.Answer.status(500), WebhookReceiver.Answer.hang(Duration.ofSeconds(3)),
                        WebhookReceiver.Answer.status(503)),
                0, HOOK_TROUBLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            placed.addAll(scenario.placeBatch("FAULTS-A", markets.subList(0, BATCH_SIZE), PATIENCE));
            Future<?> faulting = background.submit(() -> {
                faults.run(stack, line -> log("fault " + line));
                return null;
            });
            for (int i = 0; i < CANCEL_COUNT; i++) {
                if (i == CANCEL_COUNT / 4) {
                    // The second half comes in mid-flow, faults or not.
                    placed.addAll(scenario.placeBatch("FAULTS-B", markets.subList(BATCH_SIZE, ORDER_COUNT), PATIENCE));
                }
                Thread.sleep(CANCEL_PAUSE.toMillis());
                Scenario.Placed target = randomNotCancelled(random);
                cancels.put(UUID.fromString(target.id()), scenario.cancel(target, "fault-injection test", PATIENCE));
            }
            faulting.get(10, TimeUnit.MINUTES);
            // The endpoint's trouble is a fault too and ends with the others: scripted on after them, three failures
            // every 7 s outnumbered the few deliveries still owed, and one order's retries met only failures (CI).
            hookTrouble.cancel(false);
            log(String.format("all faults done at +%.0f s; cancels answered: %s", seconds(start),
                    cancels.values().stream().collect(Collectors.groupingBy(Scenario.Cancel::status, Collectors.counting()))));

            Set<UUID> ids = placed.stream().map(order -> UUID.fromString(order.id())).collect(Collectors.toSet());
            await("every order at its end, every outbox drained, every event consumed by its followers")
                    .atMost(SETTLE).pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertSettled(databases, api, stack, ids));
            log(String.format("settled at +%.0f s", seconds(start)));
        } finally {
            background.shutdownNow();
            printProgress(stack, databases, start);
            receiver.close();
        }
        assertOneConsistentStory(stack, databases);
        assertTheBrandHeardEveryEventOfItsOrders(databases);
        log(String.format("done in %.0f s", seconds(start)));
    }

    private void assertSettled(ServiceDatabases databases, PartnerApi api, LocalStack stack, Set<UUID> ids) throws Exception {
        Map<UUID, OrderRow> orders = databases.orders(ids);
        assertThat(orders).as("orders order-service knows").hasSize(ids.size());
        assertThat(notIn(orders.values(), OrderRow::status, END_STATES)).as(() -> "orders not ARRIVED or CANCELLED yet"
                + " (plant time " + stack.plantNow() + "; logistics-service: " + shippingOfUnfinished(databases, orders) + ")")
                .isEmpty();
        Map<UUID, BuildRow> builds = databases.builds(ids);
        assertThat(notIn(builds.values(), BuildRow::status, Set.of("BUILT", "CANCELLED"))).as("builds still going").isEmpty();
        Map<UUID, ShipmentRow> shipments = databases.shipments(ids);
        List<String> shipping = builds.values().stream().filter(build -> build.status().equals("BUILT"))
                .filter(build -> shipments.get(build.orderId()) == null
                        || !END_STATES.contains(shipments.get(build.orderId()).status()))
                .map(build -> build.orderId() + " " + (shipments.containsKey(build.orderId())
                        ? shipments.get(build.orderId()).status() : "(no shipment)"))
                .toList();
        assertThat(shipping).as("built cars not arrived or held").isEmpty();
        for (String service : SERVICES) {
            assertThat(databases.unpublished(service)).as(service + ": outbox rows not published").isZero();
        }
        assertThat(unconsumed(databases)).as("events of a type a service follows that it has not consumed").isEmpty();
        assertThat(cancellationsPending(api, stack)).as("cancellations still REQUESTED").isEmpty();
        long pendingWebhooks = databases.pendingWebhooks();
        assertThat(pendingWebhooks).as("webhook deliveries order-service still owes%s", pendingWebhooks == 0 ? ""
                : ", first ones: " + databases.pendingWebhookStates()).isZero();
    }

    /** The brand subscribes to every event type offered; the signing secret. */
    private String subscribe(PartnerApi api, LocalStack stack) throws Exception {
        String webhooks = stack.serviceUrl(ORDERS) + "/api/v1/webhooks";
        List<String> types = new ArrayList<>();
        api.get("polestar-buyer", webhooks + "/event-types").forEach(type -> types.add(type.isTextual() ? type.asText()
                : type.path("name").asText()));
        JsonNode subscription = api.post("polestar-buyer", webhooks, Map.of("url", receiver.url(BRAND_HOOK),
                "eventTypes", types, "description", "fault-injection test"), 201);
        log("webhook subscription " + subscription.path("id").asText() + " for " + types);
        return subscription.path("secret").asText();
    }

    /**
     * Through failing and hanging answers and order-service killed mid-delivery, every event in each order's
     * timeline reached the brand's endpoint, signed; and nothing of another order.
     */
    private void assertTheBrandHeardEveryEventOfItsOrders(ServiceDatabases databases) throws SQLException {
        Set<UUID> ids = placed.stream().map(order -> UUID.fromString(order.id())).collect(Collectors.toSet());
        Map<UUID, Set<String>> heard = new HashMap<>();
        for (WebhookReceiver.Received request : receiver.accepted(BRAND_HOOK)) {
            heard.computeIfAbsent(UUID.fromString(request.subject()), order -> new HashSet<>()).add(request.id());
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(receiver.received(BRAND_HOOK).stream().filter(request -> !request.signed()).map(WebhookReceiver.Received::id))
                .as("webhook requests not signed with the subscription's secret").isEmpty();
        // the earlier tests' orders on the shared stack are the brand's too (one placed 20 weeks ahead is re-slotted now)
        List<UUID> others = heard.keySet().stream().filter(order -> !ids.contains(order)).toList();
        Map<UUID, String> brands = databases.brands(others);
        softly.assertThat(others.stream().filter(order -> !BRAND.equals(brands.get(order))).toList())
                .as("webhooks about orders of another brand").isEmpty();
        List<String> missed = new ArrayList<>();
        databases.timelineEventIds(ids).forEach((order, events) -> events.stream()
                .filter(event -> !heard.getOrDefault(order, Set.of()).contains(event))
                .forEach(event -> missed.add(order + " " + event)));
        none(softly, "timeline event of an order never delivered to the brand's webhook", missed);
        log(String.format("webhooks: %d requests, %d events accepted, %d answered 5xx or timed out",
                receiver.received(BRAND_HOOK).size(), receiver.accepted(BRAND_HOOK).size(),
                receiver.received(BRAND_HOOK).stream().filter(request -> !request.accepted()).count()));
        softly.assertAll();
    }

    /** With the cancel saga, the order view carries the request and its outcome; REQUESTED is not an end. */
    private List<String> cancellationsPending(PartnerApi api, LocalStack stack) throws Exception {
        List<String> pending = new ArrayList<>();
        for (UUID id : cancels.keySet()) {
            JsonNode cancellation = view(api, stack, id).path("cancellation");
            if (cancellation.path("status").asText().equals("REQUESTED")) {
                pending.add(id.toString());
            }
        }
        return pending;
    }

    private void assertOneConsistentStory(LocalStack stack, ServiceDatabases databases) throws Exception {
        Set<UUID> ids = placed.stream().map(order -> UUID.fromString(order.id())).collect(Collectors.toSet());
        Map<UUID, OrderRow> orders = databases.orders(ids);
        Map<UUID, BuildRow> builds = databases.builds(ids);
        Map<UUID, ShipmentRow> shipments = databases.shipments(ids);
        PartnerApi api = new PartnerApi(stack.keycloakUrl());
        SoftAssertions softly = new SoftAssertions();

        // The end of each order, and what its cancel asked for.
        Map<UUID, String> cancelAnswers = new HashMap<>();
        cancels.forEach((id, cancel) -> cancelAnswers.put(id, String.valueOf(cancel.status())));
        none(softly, "cancel answered other than 200/202 (accepted) or 409 (refused)", cancels.values().stream()
                .filter(cancel -> !cancel.accepted() && cancel.status() != 409)
                .map(cancel -> cancel.order().id() + " " + cancel.status() + " " + cancel.body()).toList());
        none(softly, "order CANCELLED without an accepted cancel request", orders.values().stream()
                .filter(order -> order.status().equals("CANCELLED"))
                .filter(order -> !cancels.containsKey(order.id()) || !cancels.get(order.id()).accepted())
                .map(order -> order.id() + " (cancel answer " + cancelAnswers.getOrDefault(order.id(), "none") + ")").toList());
        none(softly, "order whose cancel was refused (409) that did not arrive", cancels.values().stream()
                .filter(cancel -> cancel.status() == 409)
                .map(cancel -> orders.get(UUID.fromString(cancel.order().id())))
                .filter(order -> !order.status().equals("ARRIVED")).map(order -> order.id() + " " + order.status()).toList());
        List<String> outcomes = new ArrayList<>();
        for (UUID id : cancels.keySet()) {
            JsonNode cancellation = view(api, stack, id).path("cancellation");
            String status = orders.get(id).status();
            if (!cancellation.isMissingNode() && !cancellation.isNull()
                    && !cancellation.path("status").asText().equals(status.equals("CANCELLED") ? "CANCELLED" : "REFUSED")) {
                outcomes.add(id + " is " + status + " but its cancellation says " + cancellation.path("status").asText());
            }
        }
        none(softly, "cancellation outcome that does not match the order's end", outcomes);

        // A cancelled order has no car: the plant cancelled the build before it started.
        List<String> builtButCancelled = new ArrayList<>();
        for (OrderRow order : orders.values()) {
            if (!order.status().equals("CANCELLED")) {
                continue;
            }
            BuildRow build = builds.get(order.id());
            ShipmentRow shipment = shipments.get(order.id());
            if (order.vin() != null || (build != null && (!build.status().equals("CANCELLED") || build.vin() != null))
                    || shipment != null) {
                builtButCancelled.add(order.id() + ": order VIN " + order.vin() + ", build "
                        + (build == null ? "none" : build.status() + " VIN " + build.vin())
                        + ", shipment " + (shipment == null ? "none" : shipment.status()));
            }
        }
        none(softly, "cancel accepted for a car that was built (order CANCELLED, build not CANCELLED or a VIN)", builtButCancelled);
        none(softly, "build CANCELLED for an order that is not", builds.values().stream()
                .filter(build -> build.status().equals("CANCELLED"))
                .filter(build -> !orders.get(build.orderId()).status().equals("CANCELLED"))
                .map(build -> build.orderId() + " order " + orders.get(build.orderId()).status()).toList());

        // An arrived car: the same VIN and voyage in order-service, production-service and logistics-service.
        List<String> disagreements = new ArrayList<>();
        for (OrderRow order : orders.values()) {
            if (!order.status().equals("ARRIVED")) {
                continue;
            }
            BuildRow build = builds.get(order.id());
            ShipmentRow shipment = shipments.get(order.id());
            boolean agree = order.vin() != null && build != null && build.status().equals("BUILT")
                    && order.vin().equals(build.vin()) && shipment != null && shipment.status().equals("ARRIVED")
                    && order.vin().equals(shipment.vin()) && Objects.equals(order.voyageId(), shipment.voyageId())
                    && (order.voyageId() == null) == order.market().equals(KOREA);
            if (!agree) {
                disagreements.add(order + " / " + build + " / " + shipment);
            }
        }
        none(softly, "arrived order whose VIN, voyage or status differs between the services", disagreements);
        none(softly, "VIN on two orders (order-service)", databases.strings(ORDERS,
                "SELECT vin FROM orders WHERE vin IS NOT NULL GROUP BY vin HAVING count(*) > 1"));
        none(softly, "VIN on two shipments (logistics-service)", databases.strings(LOGISTICS,
                "SELECT vin FROM shipment GROUP BY vin HAVING count(*) > 1"));

        // Nothing stuck, parked or dead-lettered. The plant clock runs on after settling and the simulators keep
        // appending events, so "stuck" is a row still unpublished a while after it was seen, not any unpublished row
        // at one instant (that raced: 34 fresh rows in CI, published a moment later).
        Map<String, List<UUID>> seenUnpublished = new LinkedHashMap<>();
        for (String service : SERVICES) {
            seenUnpublished.put(service, databases.unpublishedIds(service));
            softly.assertThat(databases.parked(service)).as(service + ": outbox rows parked").isZero();
        }
        Map<String, List<UUID>> stuck = new LinkedHashMap<>();
        try {
            await().atMost(OUTBOX_CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (Map.Entry<String, List<UUID>> seen : seenUnpublished.entrySet()) {
                    stuck.put(seen.getKey(), databases.stillUnpublished(seen.getKey(), seen.getValue()));
                }
                return stuck.values().stream().allMatch(List::isEmpty);
            });
        } catch (ConditionTimeoutException timedOut) {
            stuck.forEach((service, rows) -> softly.assertThat(rows)
                    .as(service + ": outbox rows still not published " + OUTBOX_CATCH_UP.toSeconds() + " s after seen")
                    .isEmpty());
        }
        none(softly, "dead letters", DeadLetters.of(stack.kafkaBootstrap(), SERVICES));

        // Each event applied once: every production and logistics event about an order is in its timeline exactly once.
        none(softly, "event id twice in order-service's timeline", databases.strings(ORDERS,
                "SELECT event_id FROM order_timeline GROUP BY event_id HAVING count(*) > 1"));
        none(softly, "timeline that differs from the events produced about the order", timelineGaps(databases, ids));
        none(softly, "built car with other than one VehicleBuilt, or more than one BuildStarted", perOrder(
                databases.outbox(PRODUCTION, ids), builds.values().stream().filter(build -> build.status().equals("BUILT"))
                        .map(BuildRow::orderId).collect(Collectors.toSet()), EventType.VEHICLE_BUILT, EventType.BUILD_STARTED));
        none(softly, "arrived car with other than one ShipmentArrived, or more than one ShipmentDeparted", perOrder(
                databases.outbox(LOGISTICS, ids), shipments.values().stream().filter(shipment -> shipment.status().equals("ARRIVED"))
                        .map(ShipmentRow::orderId).collect(Collectors.toSet()), EventType.SHIPMENT_ARRIVED, EventType.SHIPMENT_DEPARTED));

        // Pack demand: released for a cancelled order, kept for a car built without any cancel request.
        Set<UUID> demand = databases.demand(ids);
        none(softly, "pack demand kept for a cancelled order", orders.values().stream()
                .filter(order -> order.status().equals("CANCELLED") && demand.contains(order.id()))
                .map(order -> order.id().toString()).toList());
        none(softly, "no pack demand for an arrived order never asked to cancel", orders.values().stream()
                .filter(order -> order.status().equals("ARRIVED") && !cancels.containsKey(order.id()))
                .filter(order -> !demand.contains(order.id())).map(order -> order.id().toString()).toList());

        log(String.format("orders ARRIVED %d, CANCELLED %d; cancels accepted %d, refused %d",
                orders.values().stream().filter(order -> order.status().equals("ARRIVED")).count(),
                orders.values().stream().filter(order -> order.status().equals("CANCELLED")).count(),
                cancels.values().stream().filter(Scenario.Cancel::accepted).count(),
                cancels.values().stream().filter(cancel -> cancel.status() == 409).count()));
        softly.assertAll();
    }

    /**
     * For each event type a service has consumed at least once (so it follows it), the events of that type the
     * other services produced that it has not consumed: lost, or dead-lettered.
     */
    private static List<String> unconsumed(ServiceDatabases databases) throws SQLException {
        Map<String, List<Event>> produced = new HashMap<>();
        for (String service : SERVICES) {
            produced.put(service, databases.outbox(service));
        }
        List<String> missing = new ArrayList<>();
        for (String consumer : SERVICES) {
            Map<String, Set<String>> processed = databases.processed(consumer);
            for (String producer : SERVICES) {
                if (producer.equals(consumer)) {
                    continue;
                }
                for (Event event : produced.get(producer)) {
                    Set<String> ids = processed.get(event.type());
                    if (ids != null && !ids.contains(event.id())) {
                        missing.add(consumer + " has not consumed " + event.name() + " " + event.id() + " about " + event.subject());
                    }
                }
            }
        }
        return missing;
    }

    /**
     * Differences between the production and logistics events about each order and its timeline: an event of a
     * type the timeline records that is not in it, or a timeline entry of such a type that no service produced.
     */
    private static List<String> timelineGaps(ServiceDatabases databases, Collection<UUID> ids) throws SQLException {
        List<Event> timeline = databases.timeline(ids);
        Set<String> recorded = timeline.stream().map(Event::type).collect(Collectors.toSet());
        Set<String> inTimeline = timeline.stream().map(event -> event.subject() + " " + event.id()).collect(Collectors.toSet());
        Set<String> produced = new HashSet<>();
        Set<String> producedTypes = new HashSet<>();
        List<String> gaps = new ArrayList<>();
        for (String producer : List.of(PRODUCTION, LOGISTICS)) {
            for (Event event : databases.outbox(producer, ids)) {
                produced.add(event.subject() + " " + event.id());
                producedTypes.add(event.name());
                if (recorded.contains(event.name()) && !inTimeline.contains(event.subject() + " " + event.id())) {
                    gaps.add(event.subject() + ": " + event.name() + " " + event.id() + " not in the timeline");
                }
            }
        }
        timeline.stream().filter(event -> producedTypes.contains(event.type()))
                .filter(event -> !produced.contains(event.subject() + " " + event.id()))
                .forEach(event -> gaps.add(event.subject() + ": " + event.type() + " " + event.id() + " in the timeline, never produced"));
        return gaps;
    }

    /** Orders in {@code once} without exactly one {@code exactlyOnce} event, and any order with more than one {@code atMostOnce}. */
    private static List<String> perOrder(List<Event> outbox, Set<UUID> once, EventType exactlyOnce, EventType atMostOnce) {
        Map<String, Long> counts = outbox.stream().filter(event -> event.type().equals(exactlyOnce.ceType()))
                .collect(Collectors.groupingBy(Event::subject, Collectors.counting()));
        Map<String, Long> atMost = outbox.stream().filter(event -> event.type().equals(atMostOnce.ceType()))
                .collect(Collectors.groupingBy(Event::subject, Collectors.counting()));
        List<String> wrong = new ArrayList<>();
        Set<String> subjects = new HashSet<>(counts.keySet());
        once.forEach(id -> subjects.add(id.toString()));
        for (String subject : subjects) {
            long expected = once.contains(UUID.fromString(subject)) ? 1 : 0;
            if (counts.getOrDefault(subject, 0L) != expected) {
                wrong.add(subject + ": " + counts.getOrDefault(subject, 0L) + " " + exactlyOnce.eventName());
            }
        }
        atMost.forEach((subject, count) -> {
            if (count > 1) {
                wrong.add(subject + ": " + count + " " + atMostOnce.eventName());
            }
        });
        return wrong;
    }

    private static void none(SoftAssertions softly, String rule, List<String> violations) {
        softly.assertThat(violations.size()).as(rule + (violations.isEmpty() ? "" : ", e.g. "
                + violations.subList(0, Math.min(10, violations.size())))).isZero();
    }

    private static <T> List<String> notIn(Collection<T> rows, java.util.function.Function<T, String> status, Set<String> ends) {
        return rows.stream().filter(row -> !ends.contains(status.apply(row))).map(Object::toString).limit(10).toList();
    }

    private static List<String> shippingOfUnfinished(ServiceDatabases databases, Map<UUID, OrderRow> orders) {
        try {
            return databases.shipping(orders.values().stream().filter(order -> !END_STATES.contains(order.status()))
                    .map(OrderRow::id).limit(10).toList());
        } catch (SQLException e) {
            return List.of("(database unavailable: " + e.getMessage() + ")");
        }
    }

    private static JsonNode view(PartnerApi api, LocalStack stack, UUID id) throws Exception {
        return api.get("polestar-buyer", stack.serviceUrl(ORDERS) + "/api/v1/orders/" + id);
    }

    /** Mostly the export markets, North America and Europe; one car in ten for Korea, which goes by truck. */
    private static List<String> markets(Random random) {
        List<String> markets = new ArrayList<>();
        for (int i = 0; i < ORDER_COUNT; i++) {
            double draw = random.nextDouble();
            markets.add(draw < 0.5 ? "US" : draw < 0.9 ? "DE" : KOREA);
        }
        return markets;
    }

    private Scenario.Placed randomNotCancelled(Random random) {
        while (true) {
            Scenario.Placed candidate = placed.get(random.nextInt(placed.size()));
            if (!cancels.containsKey(UUID.fromString(candidate.id()))) {
                return candidate;
            }
        }
    }

    private static void keepSailing(Scenario scenario) {
        try {
            scenario.keepSailingsAhead(SAILINGS_AHEAD, PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log("could not add sailings now, will try again: " + e.getMessage());
        }
    }

    private void printProgress(LocalStack stack, ServiceDatabases databases, Instant start) {
        String plant = LocalDate.ofInstant(stack.plantNow(), ZoneId.of("Asia/Seoul")).toString();
        try {
            ServiceDatabases.Progress now = databases.progress(placed.stream().map(order -> UUID.fromString(order.id())).toList());
            log(String.format("+%4.0f s  plant %s  placed %d  scheduled %d  built %d  booked %d  cancelled %d  arrived %d",
                    seconds(start), plant, now.placed(), now.scheduled(), now.built(), now.booked(), now.cancelled(), now.arrived()));
        } catch (SQLException e) {
            log(String.format("+%4.0f s  plant %s  (database unavailable: %s)", seconds(start), plant, e.getMessage()));
        }
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static void log(String line) {
        System.out.println("[faults] " + line);
    }
}
