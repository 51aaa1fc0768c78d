package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.awaitAllocation;
import static com.busanev.supplier.SupplierApi.awaitDemandAlert;
import static com.busanev.supplier.SupplierApi.blocked;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.contract;
import static com.busanev.supplier.SupplierApi.delivery;
import static com.busanev.supplier.SupplierApi.publish;
import static com.busanev.supplier.SupplierApi.serials;
import static com.busanev.supplier.SupplierApi.terms;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildChanged;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShortageAlert;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Contracts over REST, demand over real Kafka, allocations and alerts read back from the broker. Each test uses
 * weeks and contract terms of its own, so none depends on another having run (or not).
 */
@QuarkusTest
class SupplierFlowTest {
    private static final String VIEWER = Tokens.user("viewer").roles(Roles.VIEWER).sign();
    private static final String LGES_USER = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();
    private static final String SDI_USER = Tokens.user("sdi").roles(Roles.BATTERY_SUPPLIER).supplier("SDI").sign();

    @Inject
    AgroalDataSource database;

    @Test
    void allocationFollowsTheSourcingRulesCheapestFirst() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(60); // no other test's contract supplies it
        String from = week.monday().toString();
        String to = week.plusWeeks(1).sunday().toString();
        contract("LGES", "ACTIVE", from, to, "1000", "110.00", "USD", "KR", "62.5");
        contract("CATL", "ACTIVE", from, to, "1000", "560.00", "CNY", "CN", null);

        blocked(Region.NA, week);
        PacksAllocated na = awaitAllocation(week, Region.NA, 1, a -> a.packs() > 0);
        assertThat(na.packs()).isEqualTo(1); // beyond the horizon a week gets its real demand, no headroom
        assertThat(na.sources()).extracting(PackSource::supplier).containsOnly("LGES");

        blocked(Region.EU, week);
        assertThat(awaitAllocation(week, Region.EU, 1, a -> a.packs() > 0).sources()).extracting(PackSource::supplier)
                .containsOnly("LGES");

        UUID korean = blocked(Region.KR, week);
        assertThat(awaitAllocation(week, Region.KR, 1, a -> a.packs() > 0).sources()).extracting(PackSource::supplier)
                .containsOnly("CATL");

        publish(new BuildCancelled(korean, Region.KR, null, Instant.now()));
        assertThat(awaitAllocation(week, Region.KR, 1, a -> a.packs() == 0).sources()).isEmpty();

        String na60 = "findAll { it.week == '" + week + "' && it.region == 'NA' }[0].";
        as(PROCUREMENT).queryParam("weeks", 61).get("/api/v1/coverage").then().statusCode(200)
                .body(na60 + "demand", equalTo(1))
                .body(na60 + "allocated", equalTo(1))
                .body(na60 + "compliantSupply", equalTo(1000 * 12 / 52)); // LGES only: CATL's cells are Chinese
    }

    @Test
    void aRegionsAllocationSatisfiesTheRuleOfEveryMarketWithDemandThatWeek() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(62);
        String from = week.monday().toString();
        String to = week.sunday().toString();
        contract("LGES", "ACTIVE", from, to, "1000", "110.00", "USD", "KR", "62.5");
        contract("CATL", "ACTIVE", from, to, "1000", "560.00", "CNY", "CN", null);

        // Canada has no origin rule: its car takes the cheaper Chinese cells.
        blocked(Region.NA, "CA", week);
        assertThat(awaitAllocation(week, Region.NA, 1, a -> a.packs() > 0).sources()).extracting(PackSource::supplier)
                .containsOnly("CATL");
        // A US car the same week: North America's packs of the week must now satisfy the US rule too.
        blocked(Region.NA, "US", week);
        PacksAllocated both = awaitAllocation(week, Region.NA, 1, a -> a.packs() == 2);
        assertThat(both.sources()).extracting(PackSource::supplier).containsOnly("LGES");
    }

    @Test
    void anOrderChangedToAnotherMarketOfItsRegionIsAllocatedUnderThatMarketsRule() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(64);
        String from = week.monday().toString();
        String to = week.sunday().toString();
        contract("LGES", "ACTIVE", from, to, "1000", "110.00", "USD", "KR", "62.5");
        contract("CATL", "ACTIVE", from, to, "1000", "560.00", "CNY", "CN", null);

        UUID order = blocked(Region.NA, "CA", week);
        assertThat(awaitAllocation(week, Region.NA, 1, a -> a.packs() > 0).sources()).extracting(PackSource::supplier)
                .containsOnly("CATL");
        // The brand changed the car to the US before the freeze: Chinese cells no longer do.
        publish(new BuildChanged(order, UUID.randomUUID(), "US", Region.NA, "SNOW", List.of(), null, null, true,
                Instant.now()));
        assertThat(awaitAllocation(week, Region.NA, 1, a -> a.packs() > 0
                && a.sources().stream().noneMatch(s -> s.supplier().equals("CATL")))
                .sources()).extracting(PackSource::supplier).containsOnly("LGES");
    }

    @Test
    void cancelsInterleavedWithTheBuildEventsOfManyOrdersLeaveNoDemandForACancelledOrder() throws SQLException {
        IsoWeek planned = IsoWeek.of(TODAY).plusWeeks(200); // weeks of their own, no contract supplies them
        IsoWeek moved = planned.plusWeeks(1);
        List<UUID> orders = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID()).toList();
        List<UUID> cancelled = orders.stream().filter(id -> orders.indexOf(id) % 2 == 0).toList();
        Instant at = Instant.now();
        // Each order's events in the plant's order, the orders' events interleaved step by step, all at once; every
        // fourth cancelled order has its BuildScheduled replayed after the cancel (another event id: a re-drive).
        List<List<DomainEvent>> steps = List.of(
                orders.stream().<DomainEvent>map(id -> new BuildScheduled(id, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR",
                        planned.monday(), planned.toString(), at)).toList(),
                orders.stream().filter(id -> orders.indexOf(id) % 3 == 0).<DomainEvent>map(id -> new BuildRescheduled(id,
                        Region.NA, planned.monday(), moved.monday(), moved.toString(), "calendar", at)).toList(),
                cancelled.stream().<DomainEvent>map(id -> new BuildCancelled(id, Region.NA, null, at)).toList(),
                cancelled.stream().filter(id -> cancelled.indexOf(id) % 4 == 0).<DomainEvent>map(id -> new BuildScheduled(
                        id, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR", planned.monday(), planned.toString(), at)).toList());
        var records = steps.stream().flatMap(List::stream).map(CloudEventRecords::of).toList();
        KafkaResource.companion().produceStrings().fromRecords(records).awaitCompletion();

        List<String> eventIds = records.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ANY(?)",
                eventIds.toArray(String[]::new)) == eventIds.size());
        UUID[] cancelledIds = cancelled.toArray(UUID[]::new);
        assertThat(count("SELECT count(*) FROM demand WHERE order_id = ANY(?)", cancelledIds)).isZero();
        assertThat(count("SELECT count(*) FROM cancelled_order WHERE order_id = ANY(?)", cancelledIds)).isEqualTo(cancelled.size());
        UUID[] kept = orders.stream().filter(id -> !cancelled.contains(id)).toArray(UUID[]::new);
        assertThat(count("SELECT count(*) FROM demand WHERE order_id = ANY(?)", kept)).isEqualTo(kept.length);
        assertThat(count("SELECT count(*) FROM demand WHERE week = '" + moved + "' AND order_id = ANY(?)", kept))
                .isEqualTo(orders.stream().filter(id -> orders.indexOf(id) % 3 == 0 && !cancelled.contains(id)).count());
    }

    @Test
    void aBusyWeekIsReallocatedOncePerTickNotOncePerEvent() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(170); // a week of its own, supplied by its own contract
        contract("SDI", "ACTIVE", week.monday().toString(), week.sunday().toString(), "2000", "98000", "KRW", "KR", null);
        int cars = 30;
        KafkaResource.companion().produceStrings().fromRecords(IntStream.range(0, cars)
                .mapToObj(i -> CloudEventRecords.of(new BuildBlocked(UUID.randomUUID(), "KR", Region.KR, BlockReason.NO_PACKS,
                        week.toString(), "no packs", Instant.now())))
                .toList()).awaitCompletion();

        int covered = cars; // the demand (beyond the horizon: no headroom)
        String subject = week + "/" + Region.KR;
        try (var before = KafkaResource.companion().consumeStrings().fromTopics(Topics.SUPPLIER_EVENTS, records -> records
                .select().where(r -> subject.equals(r.key()) && CloudEventRecords.header(r, "ce_type")
                        .filter(EventType.PACKS_ALLOCATED.ceType()::equals).isPresent())
                .select().first(r -> packs(r.value()) < covered))) {
            long announcedBeforeTheTotal = before.awaitCompletion(Duration.ofSeconds(30)).count();
            // One allocation per event would announce 29 totals before the last; marked weeks are taken a tick at a time.
            assertThat(announcedBeforeTheTotal).isLessThan(cars / 3);
        }
    }

    @Test
    void withinTheHorizonASupplyIsAllocatedAheadOfDemandToTheRegionsThePlantBuildsFor() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(9); // within the horizon, no other test's contract supplies it
        IsoWeek later = week.plusWeeks(1);
        contract("SDI", "ACTIVE", week.monday().toString(), later.sunday().toString(), "400", "98000", "KRW", "KR", "55.0");

        blocked(Region.EU, week);
        // The car's week: its pack and headroom above it, so the plant slots the next EU cars without a blocked round trip.
        assertThat(awaitAllocation(week, Region.EU, 1, a -> a.packs() > 1).sources()).extracting(PackSource::supplier)
                .containsOnly("SDI");
        // The next week has no demand at all yet, and EU still gets packs there: the plant need not chase it.
        assertThat(awaitAllocation(later, Region.EU, 1, a -> a.packs() > 0).sources()).extracting(PackSource::supplier)
                .containsOnly("SDI");
    }

    @Test
    void anOrderStillBlockedInAWeekThatHasPassedKeepsItsRegionsHeadroom() throws Exception {
        // The plant's planner is behind: its only Korean order waits blocked in a week the clock has left behind.
        UUID waiting = blocked(Region.KR, IsoWeek.of(TODAY).plusWeeks(-3));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM demand WHERE order_id = ?", waiting) == 1);
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(11); // the horizon's last week, no other test's contract supplies it
        contract("LGES", "ACTIVE", week.monday().toString(), week.sunday().toString(), "400", "110.00", "USD", "KR", "62.5");
        // Korea gets headroom in the weeks ahead, so the order can be slotted once the plant reads it.
        assertThat(awaitAllocation(week, Region.KR, 1, a -> a.packs() > 0).sources()).extracting(PackSource::supplier)
                .contains("LGES");
    }

    @Test
    void thePlanCountsEachPackForOneRegionOnly() {
        // within the plan horizon, beyond the confirmed weeks (there, commitments count as forecast)
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(2);
        contract("LGES", "ACTIVE", week.monday().toString(), week.sunday().toString(), "2000", "110.00", "USD", "KR", "62.5");
        List<Map<String, Object>> rows = as(PROCUREMENT).queryParam("weeks", 3).get("/api/v1/coverage").then().statusCode(200)
                .extract().jsonPath().param("week", week.toString()).getList("findAll { it.week == week }");
        assertThat(rows).hasSize(3);
        // Korea's rule allows every pack: its compliant supply is the week's whole supply.
        int supply = rows.stream().filter(r -> r.get("region").equals("KR")).mapToInt(r -> (Integer) r.get("compliantSupply"))
                .sum();
        int covered = rows.stream().mapToInt(r -> (Integer) r.get("plan") - (Integer) r.get("planGap")).sum();
        assertThat(supply).isGreaterThanOrEqualTo(2000 * 12 / 52);
        assertThat(covered).isEqualTo(supply); // the plan wants far more: every pack covers it once, never twice
        assertThat(rows).allSatisfy(r -> assertThat(r.get("planCovered")).isEqualTo((Integer) r.get("plan") - (Integer) r.get("planGap")));
    }

    @Test
    void aWeekWithoutEnoughCompliantPacksRaisesOneShortageAlert() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(150); // beyond every contract of these tests
        blocked(Region.EU, week);
        ShortageAlert alert = awaitDemandAlert(week, Region.EU);
        assertThat(alert.gap()).isEqualTo(1);
        blocked(Region.EU, week);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(PROCUREMENT)
                .queryParam("week", week.toString()).queryParam("region", "EU").queryParam("status", "OPEN")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.kind == 'DEMAND' }", hasSize(1))
                .body("items.findAll { it.kind == 'DEMAND' }[0].demand", equalTo(2))
                .body("items.findAll { it.kind == 'PLAN' }", hasSize(0))); // beyond the plan horizon

        // Within the horizon NA's and EU's share of the 200,000 EVs a year are far from contracted: PLAN alerts.
        IsoWeek next = IsoWeek.of(TODAY).plusWeeks(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(VIEWER)
                .queryParam("week", next.toString()).queryParam("status", "OPEN").get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.kind == 'PLAN' }.region", hasItems("NA", "EU")));
    }

    @Test
    void amendmentsAreVersionsAndSuppliersSeeOnlyTheirOwnContracts() {
        // A term around today (deliveries are dated today), over before any week the other tests allocate.
        String from = TODAY.minusDays(7).toString();
        String to = TODAY.toString();
        String id = contract("SDI", "DRAFT", from, to, "800", "98000", "KRW", "KR", "58.0");
        contract("LGES", "DRAFT", "2033-01-01", "2033-12-31", "100", "100.00", "USD", "KR", null);
        as(PROCUREMENT).body(terms("SDI", "ACTIVE", from, to, "900", "98000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(428);
        as(PROCUREMENT).header("If-Match", "1")
                .body(terms("SDI", "ACTIVE", from, to, "900", "98000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2));
        as(PROCUREMENT).header("If-Match", "1")
                .body(terms("SDI", "ACTIVE", from, to, "700", "98000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(412);
        as(VIEWER).get("/api/v1/contracts/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("terms.monthlyCommittedPacks", equalTo(List.of(900, 800)));

        // The supplier amends its pack facts, not its price.
        as(SDI_USER).header("If-Match", "2")
                .body(terms("SDI", "ACTIVE", from, to, "900", "90000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(403);
        as(SDI_USER).header("If-Match", "2")
                .body(terms("SDI", "ACTIVE", from, to, "900", "98000", "KRW", "KR", "51.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200).body("terms.carbonFootprintKgCo2ePerKwh", equalTo(51.0f));

        // The token decides whose contracts a supplier lists, whatever the filter asks for.
        as(LGES_USER).get("/api/v1/contracts/" + id).then().statusCode(404).body("terms", equalTo(null));
        as(LGES_USER).queryParam("supplier", "SDI").queryParam("size", 500).get("/api/v1/contracts").then().statusCode(200)
                .body("items", not(empty()))
                .body("items.terms.supplier", everyItem(equalTo("LGES")));
        as(LGES_USER).body(delivery(10, "SDI-000001", "SDI-000010", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(404);
        as(SDI_USER).body(delivery(10, "SDI-000001", "SDI-000010", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(201).body("confirmedBy", equalTo("sdi"));
        as(SDI_USER).body(delivery(10, "SDI-000011", "SDI-000015", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(400).body("violations[0].field", equalTo("packs"));
        as(SDI_USER).get("/api/v1/contracts/" + id + "/deliveries").then().body("", hasSize(1));
        buildIn(serials("SDI-", 1, 10, 6));
    }

    @Test
    void badContractsAreProblemsWithEveryField() {
        as(PROCUREMENT).body(terms("NOPE", "ACTIVE", "2027-06-01", "2027-01-01", "100", "100", "XYZ", "KR", null))
                .post("/api/v1/contracts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("validTo", "pricePerKwh.currency", "supplier"));
        as(PROCUREMENT).body(terms("LGES", "ACTIVE", "2027-01-01", "2027-06-01", "-5", "100", "USD", "KR", null))
                .post("/api/v1/contracts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("monthlyCommittedPacks"));
        as(PROCUREMENT).body("{\"supplier\":").post("/api/v1/contracts").then().statusCode(400)
                .contentType("application/problem+json");
        as(PROCUREMENT).body(terms("LGES", "DRAFT", "2033-01-01", "2033-06-01", "100", "100", "USD", "KR", null)
                        .replace("\"supplier\"", "\"chemistryNote\":\"x\",\"supplier\""))
                .post("/api/v1/contracts").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rolesDecideWhoManagesContracts() {
        given().get("/api/v1/contracts").then().statusCode(401);
        as(Tokens.user("x").roles(Roles.PROCUREMENT).forged()).get("/api/v1/contracts").then().statusCode(401);
        as(VIEWER).body(terms("LGES", "DRAFT", "2027-01-01", "2027-06-01", "100", "100", "USD", "KR", null))
                .post("/api/v1/contracts").then().statusCode(403);
        as(LGES_USER).body(terms("LGES", "DRAFT", "2027-01-01", "2027-06-01", "100", "100", "USD", "KR", null))
                .post("/api/v1/contracts").then().statusCode(403);
        as(Tokens.user("p").roles(Roles.PLANT_PLANNER).sign()).get("/api/v1/coverage").then().statusCode(403);
        as(LGES_USER).get("/api/v1/alerts").then().statusCode(403);
        as(VIEWER).get("/api/v1/suppliers").then().statusCode(200).body("code", hasItems("CATL", "LGES", "SDI", "SKON"));
    }

    @Test
    void unreadableEventsAreDeadLettered() {
        String key = UUID.randomUUID().toString();
        KafkaResource.companion().produceStrings()
                .fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PRODUCTION_EVENTS, key, "{")).awaitCompletion();
        var dead = CloudEventRecords.awaitFirst("supplier-service.dlq", key, null, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).isPresent();
    }

    /** A count with one parameter; an array parameter becomes a PostgreSQL array (for {@code = ANY(?)}). */
    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter instanceof Object[] values) {
                statement.setArray(1, connection.createArrayOf(values instanceof UUID[] ? "uuid" : "text", values));
            } else {
                statement.setObject(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static int packs(String packsAllocated) {
        try {
            return EventJson.mapper().readValue(packsAllocated, PacksAllocated.class).packs();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
