package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.awaitEvent;
import static com.busanev.supplier.SupplierApi.blocked;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.publish;
import static com.busanev.supplier.SupplierApi.serials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.BuildCancelled;
import com.busanev.events.DeliveryScheduleIssued;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShortageAlert;
import com.busanev.events.Topics;
import com.busanev.supplier.allocation.AllocationRecord;
import com.busanev.supplier.schedule.Basis;
import com.busanev.supplier.schedule.CallOffShortfalls;
import com.busanev.supplier.schedule.DeliverySchedules;
import com.busanev.supplier.schedule.ScheduleNeeds;
import com.busanev.supplier.schedule.ScheduleNeeds.Need;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import com.busanev.testing.WebhookReceiver;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Weekly delivery schedules: the called-off packs within the contract's weekly flex, firm weeks kept by a later revision,
 * the supplier reading and acknowledging only its own, DeliveryScheduleIssued on the topic and to the supplier's
 * webhook, a firm week short of its call-off raising an alert that names the orders at risk, and a week without an
 * allocation needing the contract's share of its demand.
 */
@QuarkusTest
class DeliveryScheduleTest {
    private static final String DSCH = Tokens.user("dsch").roles(Roles.BATTERY_SUPPLIER).supplier("DSCH").sign();
    private static final String LGES = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();
    private static final IsoWeek WEEK = IsoWeek.of(TODAY);
    private static final IsoWeek NEXT = WEEK.plusWeeks(1);

    @Inject
    DeliverySchedules schedules;
    @Inject
    CallOffShortfalls shortfalls;
    @Inject
    ScheduleNeeds needs;

    @Test
    void theSupplierIsCalledOffWithinItsFlexFirmWeeksStayAndAShortfallNamesTheOrdersAtRisk() throws Throwable {
        as(PROCUREMENT).body(Map.of("code", "DSCH", "name", "Delfor Cells", "country", "KR")).post("/api/v1/suppliers")
                .then().statusCode(201);
        // 52 a month committed, 26 to 87 flex: 12 a week, 6 to 20; a term to the end of the week after next. The
        // highest price: other tests' cars take its packs last.
        String contract = as(PROCUREMENT).body(terms("ACTIVE")).post("/api/v1/contracts").then().statusCode(201)
                .extract().path("id");
        List<UUID> thisWeek = IntStream.range(0, 8).mapToObj(i -> blocked(Region.KR, WEEK)).toList();
        List<UUID> nextWeek = IntStream.range(0, 25).mapToObj(i -> blocked(Region.KR, NEXT)).toList();
        String due = notice(contract, TODAY, 1, 3);
        String later = notice(contract, NEXT.monday(), 101, 125);
        awaitAllocated(contract, WEEK, 3); // all it ships this week: below its weekly minimum
        awaitAllocated(contract, NEXT, 25); // above its weekly maximum

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(receiver, DSCH, "/dsch");
            subscribe(receiver, LGES, "/lges");

            JsonPath first = as(PROCUREMENT).body(Map.of("contractId", contract)).post("/api/v1/delivery-schedules")
                    .then().statusCode(201).body("status", equalTo("ISSUED")).body("supplier", equalTo("DSCH"))
                    .body("lines", hasSize(12)).extract().jsonPath();
            assertThat(first.getMap("lines[0]")).containsAllEntriesOf(Map.of("week", WEEK.toString(), "packs", 6, "kind",
                    "FIRM", "flexMin", 6, "flexMax", 20, "basis", "ALLOCATION"));
            assertThat(first.getMap("lines[1]")).containsAllEntriesOf(
                    Map.of("week", NEXT.toString(), "packs", 20, "kind", "FIRM", "flexMin", 6, "flexMax", 20));
            assertThat(first.getString("lines[2].kind")).isEqualTo("FORECAST");
            assertThat(first.getInt("lines[2].packs")).isBetween(6, 20);
            assertThat(first.getInt("lines[3].packs")).isZero(); // after the term: nothing owed, nothing called off
            String firstId = first.getString("id");
            int revision = first.getInt("revision");

            DeliveryScheduleIssued issued = awaitIssued(contract, revision);
            assertThat(issued.supplier()).isEqualTo("DSCH");
            assertThat(issued.scheduleId()).hasToString(firstId);
            assertThat(issued.lines().get(1))
                    .isEqualTo(new DeliveryScheduleIssued.ScheduleWeek(NEXT.toString(), 20, "FIRM", 6, 20, "ALLOCATION"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/dsch").stream()
                    .anyMatch(r -> r.subject().equals(contract) && r.signed()
                            && r.type().equals(EventType.DELIVERY_SCHEDULE_ISSUED.ceType())));
            assertThat(receiver.received("/lges")).noneMatch(r -> r.subject().equals(contract));

            // The supplier reads its own, another supplier nothing of it.
            as(DSCH).get("/api/v1/delivery-schedules/" + firstId).then().statusCode(200).body("revision", equalTo(revision));
            as(LGES).get("/api/v1/delivery-schedules/" + firstId).then().statusCode(404);
            as(LGES).queryParam("supplier", "DSCH").get("/api/v1/delivery-schedules").then().statusCode(200)
                    .body("items.supplier", everyItem(equalTo("LGES")));
            as(DSCH).queryParam("supplier", "LGES").get("/api/v1/delivery-schedules").then().statusCode(200)
                    .body("items.supplier", everyItem(equalTo("DSCH")));
            as(LGES).post("/api/v1/delivery-schedules/" + firstId + "/acknowledgement").then().statusCode(404);
            as(PROCUREMENT).post("/api/v1/delivery-schedules/" + firstId + "/acknowledgement").then().statusCode(403);

            // Next week's packs will not come: the allocation drops, but a firm week is firm.
            as(DSCH).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of(), "closing", true))
                    .post("/api/v1/deliveries/" + later + "/receipts").then().statusCode(200);
            awaitAllocated(contract, NEXT, 0);
            JsonPath second = as(PROCUREMENT).body(Map.of("contractId", contract)).post("/api/v1/delivery-schedules")
                    .then().statusCode(201).body("revision", equalTo(revision + 1)).extract().jsonPath();
            assertThat(second.getList("lines.packs").subList(0, 2)).containsExactly(6, 20);
            as(PROCUREMENT).get("/api/v1/delivery-schedules/" + firstId).then().body("status", equalTo("SUPERSEDED"));
            as(DSCH).post("/api/v1/delivery-schedules/" + firstId + "/acknowledgement").then().statusCode(409);
            String secondId = second.getString("id");
            String acknowledgedAt = as(DSCH).post("/api/v1/delivery-schedules/" + secondId + "/acknowledgement").then()
                    .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).extract().path("acknowledgedAt");
            as(DSCH).post("/api/v1/delivery-schedules/" + secondId + "/acknowledgement").then().statusCode(200)
                    .body("acknowledgedAt", equalTo(acknowledgedAt));
        }

        // The weekly run issues nothing more for a contract that has this week's revision, and one for a new contract.
        String quiet = as(PROCUREMENT).body(terms("ACTIVE").replace("\"monthlyCommittedPacks\":52", "\"monthlyCommittedPacks\":0")
                        .replace("\"minPacks\":26,\"maxPacks\":87", "\"minPacks\":0,\"maxPacks\":0"))
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        inTransaction(schedules::issueDue);
        as(PROCUREMENT).queryParam("contractId", contract).get("/api/v1/delivery-schedules").then().body("totalItems", equalTo(2));
        as(PROCUREMENT).queryParam("contractId", quiet).get("/api/v1/delivery-schedules").then()
                .body("totalItems", equalTo(1)).body("items[0].issuedBy", equalTo("weekly-run"));

        // This firm week 6 packs were called off and 3 come: 3 of the week's Korean cars the allocation leaves
        // uncovered are at risk.
        inTransaction(shortfalls::check);
        ShortageAlert alert = awaitEvent(ShortageAlert.class, WEEK, Region.KR, 1,
                a -> a.detail().startsWith("CALL_OFF") && a.detail().contains(contract));
        assertThat(alert.gap()).isEqualTo(3);
        JsonPath alerts = as(PROCUREMENT).queryParam("kind", "CALL_OFF").queryParam("week", WEEK.toString())
                .queryParam("status", "OPEN").get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        Map<String, Object> raised = alerts.getMap("items.find { it.contractId == '" + contract + "' }");
        assertThat(raised).containsEntry("supplier", "DSCH").containsEntry("region", "KR").containsEntry("demand", 6)
                .containsEntry("supply", 3).containsEntry("gap", 3);
        List<String> atRisk = alerts.getList("items.find { it.contractId == '" + contract + "' }.ordersAtRisk");
        assertThat(atRisk).hasSize(3).isSubsetOf(thisWeek.stream().map(UUID::toString).toList());

        // Three more come this week: the shortfall is over.
        String more = notice(contract, TODAY, 4, 6);
        inTransaction(shortfalls::check);
        as(PROCUREMENT).queryParam("kind", "CALL_OFF").queryParam("week", WEEK.toString()).queryParam("status", "RESOLVED")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.contractId == '" + contract + "' }", hasSize(1));

        // Leave nothing behind: the packs built in, the cars cancelled, the contract suspended.
        for (String notice : List.of(due, more)) {
            as(DSCH).body(Map.of("receivedOn", TODAY.toString())).post("/api/v1/deliveries/" + notice + "/receipts")
                    .then().statusCode(200);
        }
        buildIn(serials("DSCH-", 1, 6, 6));
        List<UUID> orders = new ArrayList<>(thisWeek);
        orders.addAll(nextWeek);
        orders.forEach(order -> publish(new BuildCancelled(order, Region.KR, null, Instant.now())));
        as(PROCUREMENT).header("If-Match", "1").body(terms("SUSPENDED")).put("/api/v1/contracts/" + contract)
                .then().statusCode(200);
    }

    @Test
    void aWeekWithoutAnAllocationNeedsTheContractsShareOfItsDemandAndOneWithoutDemandNothing() {
        IsoWeek allocated = WEEK.plusWeeks(500); // weeks of their own, after every other test's contract
        IsoWeek unallocated = allocated.plusWeeks(1);
        IsoWeek idle = allocated.plusWeeks(2);
        List<IsoWeek> weeks = List.of(allocated, unallocated, idle);
        String from = allocated.monday().toString();
        String to = idle.sunday().toString();
        // 30 a week committed (flex 20 to 50) and the cheaper; 15 a week (flex 6 to 30)
        UUID cheaper = contract("LGES", from, to, 130, 87, 217, "100.00");
        UUID dearer = contract("SKON", from, to, 65, 26, 130, "200.00");
        List<UUID> cars = IntStream.range(0, 25).mapToObj(i -> blocked(Region.KR, allocated)).toList();
        awaitAllocated(cheaper.toString(), allocated, 25);

        // 33 cars of the next week are known but not allocated yet: their demand rows, written in a transaction that
        // is rolled back, are what the planner has not seen.
        Map<UUID, Map<IsoWeek, Need>> needed = rolledBack(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO demand (order_id, region, market, week) "
                        + "SELECT gen_random_uuid(), 'KR', 'KR', ?1 FROM generate_series(1, 33)")
                        .setParameter(1, unallocated.toString()).executeUpdate())
                .chain(() -> needs.of(cheaper, weeks))
                .chain(ofCheaper -> needs.of(dearer, weeks)
                        .map(ofDearer -> Map.of(cheaper, ofCheaper, dearer, ofDearer))));

        // The allocated week as allocated; the week with demand only split as the allocator splits it, the cheaper
        // commitment first (30 of 33 cars, the rest to the dearer one); the week with neither: nothing.
        assertThat(needed.get(cheaper)).containsExactlyInAnyOrderEntriesOf(Map.of(
                allocated, new Need(25, Basis.ALLOCATION),
                unallocated, new Need(30, Basis.DEMAND_SHARE),
                idle, new Need(0, Basis.FLEX_MINIMUM)));
        assertThat(needed.get(dearer)).containsExactlyInAnyOrderEntriesOf(Map.of(
                allocated, new Need(0, Basis.ALLOCATION),
                unallocated, new Need(3, Basis.DEMAND_SHARE),
                idle, new Need(0, Basis.FLEX_MINIMUM)));

        cars.forEach(order -> publish(new BuildCancelled(order, Region.KR, null, Instant.now())));
    }

    /** An active contract over the term with its monthly commitment and flex, KR cells, a declared footprint; its id. */
    private static UUID contract(String supplier, String from, String to, int monthly, int min, int max, String price) {
        String terms = SupplierApi.terms(supplier, "ACTIVE", from, to, String.valueOf(monthly), price, "USD", "KR", "50.0")
                .replace("\"minPacks\":0,\"maxPacks\":100000", "\"minPacks\":%d,\"maxPacks\":%d".formatted(min, max));
        return UUID.fromString(as(PROCUREMENT).body(terms).post("/api/v1/contracts").then().statusCode(201)
                .extract().path("id"));
    }

    private static String terms(String status) {
        return """
                {"supplier":"DSCH","status":"%s","validFrom":"%s","validTo":"%s",
                 "packSpec":{"capacityKwh":100.0,"chemistry":"NMC"},"monthlyCommittedPacks":52,
                 "flexRange":{"minPacks":26,"maxPacks":87},"pricePerKwh":{"amount":999.00,"currency":"USD"},
                 "cellOrigin":"KR","packOrigin":"KR","carbonFootprintKgCo2ePerKwh":50.0}"""
                .formatted(status, TODAY.minusDays(7), WEEK.plusWeeks(2).sunday());
    }

    /** A shipping notice of DSCH-{first}..DSCH-{last} due on the day; its id. */
    private static String notice(String contract, LocalDate on, int first, int last) {
        return as(DSCH).body(Map.of("expectedOn", on.toString(), "ranges",
                        List.of(Map.of("from", "DSCH-%06d".formatted(first), "to", "DSCH-%06d".formatted(last)))))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(201).extract().path("id");
    }

    /** Waits until the week's allocations, all regions together, take {@code packs} from the contract. */
    private static void awaitAllocated(String contract, IsoWeek week, int packs) {
        UUID id = UUID.fromString(contract);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inTransaction(
                () -> AllocationRecord.<AllocationRecord>list("week", week.toString())
                        .map(records -> records.stream().mapToInt(r -> r.packsOf(id)).sum() == packs)));
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the work in a transaction that is rolled back at its end: what it wrote is never seen outside it. */
    private static <T> T rolledBack(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.currentTransaction()
                    .invoke(Mutiny.Transaction::markForRollback).chain(tx -> work.get())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void subscribe(WebhookReceiver receiver, String token, String path) {
        String secret = as(token).body(Map.of("url", receiver.url(path), "eventTypes", List.of("DeliveryScheduleIssued")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("secret");
        receiver.trust(path, secret);
    }

    /** The contract's DeliveryScheduleIssued of the revision, from the start of the topic. */
    private static DeliveryScheduleIssued awaitIssued(String contract, int revision) throws Throwable {
        String ceType = EventType.DELIVERY_SCHEDULE_ISSUED.ceType();
        try (var task = KafkaResource.companion().consumeStrings().fromTopics(Topics.SUPPLIER_EVENTS, records -> records
                .select().where(r -> contract.equals(r.key())
                        && CloudEventRecords.header(r, "ce_type").filter(ceType::equals).isPresent()
                        && r.value().contains("\"revision\":" + revision + ","))
                .select().first(1))) {
            return EventJson.mapper().readValue(task.awaitCompletion(Duration.ofSeconds(30)).getLastRecord().value(),
                    DeliveryScheduleIssued.class);
        }
    }
}
