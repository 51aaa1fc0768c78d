package com.busanev.supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.OrderCancelled;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.ShortageAlert;
import com.busanev.events.Topics;
import com.busanev.kit.security.Roles;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Contracts over REST, demand over real Kafka, allocations and alerts read back from the broker. */
@QuarkusTest
class SupplierFlowTest {
    private static final String PROCUREMENT = Tokens.user("buyer").roles(Roles.PROCUREMENT).sign();
    private static final String VIEWER = Tokens.user("viewer").roles(Roles.VIEWER).sign();
    private static final String LGES_USER = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();
    private static final String SDI_USER = Tokens.user("sdi").roles(Roles.BATTERY_SUPPLIER).supplier("SDI").sign();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Seoul"));

    @Test
    void allocationFollowsTheSourcingRulesCheapestFirst() {
        String until = TODAY.plusWeeks(10).toString();
        contract("LGES", "ACTIVE", TODAY.toString(), until, "1000", "110.00", "USD", "KR", "62.5");
        contract("CATL", "ACTIVE", TODAY.toString(), until, "1000", "560.00", "CNY", "CN", null);
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(3);

        blocked(Region.NA, week);
        PacksAllocated na = awaitAllocation(week, Region.NA, a -> a.packs() > 0);
        assertThat(na.packs()).isEqualTo(1 + 10);
        assertThat(na.sources()).extracting(PackSource::supplier).containsOnly("LGES");

        blocked(Region.EU, week);
        assertThat(awaitAllocation(week, Region.EU, a -> a.packs() > 0).sources()).extracting(PackSource::supplier).containsOnly("LGES");

        UUID korean = blocked(Region.KR, week);
        assertThat(awaitAllocation(week, Region.KR, a -> a.packs() > 0).sources()).extracting(PackSource::supplier).containsOnly("CATL");

        publish(new OrderCancelled(korean, "polestar", null, Instant.now()));
        assertThat(awaitAllocation(week, Region.KR, a -> a.packs() == 0).sources()).isEmpty();

        as(PROCUREMENT).queryParam("weeks", 5).get("/api/v1/coverage").then().statusCode(200)
                .body("findAll { it.week == '" + week + "' && it.region == 'NA' }[0].demand", equalTo(1))
                .body("findAll { it.week == '" + week + "' && it.region == 'NA' }[0].allocated", equalTo(11))
                .body("findAll { it.week == '" + week + "' && it.region == 'NA' }[0].compliantSupply", greaterThan(200));
    }

    @Test
    void aWeekWithoutEnoughCompliantPacksRaisesOneShortageAlert() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(150); // beyond every contract of this class
        blocked(Region.EU, week);
        ShortageAlert alert = awaitAlert(week, Region.EU);
        assertThat(alert.gap()).isEqualTo(1);
        assertThat(alert.detail()).startsWith("DEMAND");
        blocked(Region.EU, week);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(PROCUREMENT)
                .queryParam("week", week.toString()).queryParam("region", "EU").queryParam("status", "OPEN")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.kind == 'DEMAND' }", hasSize(1))
                .body("items.findAll { it.kind == 'DEMAND' }[0].demand", equalTo(2))
                .body("items.findAll { it.kind == 'PLAN' }", hasSize(0))); // beyond the plan horizon

        // Within the horizon NA's and EU's share of the 200,000 EVs a year are far from contracted: PLAN alerts.
        IsoWeek next = IsoWeek.of(TODAY).plusWeeks(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(VIEWER)
                .queryParam("week", next.toString()).queryParam("status", "OPEN").get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.kind == 'PLAN' }.region", hasItems("NA", "EU")));
    }

    @Test
    void amendmentsAreVersionsAndSuppliersSeeOnlyTheirOwnContracts() {
        String id = contract("SDI", "DRAFT", TODAY.toString(), TODAY.plusYears(2).toString(), "800", "98000", "KRW", "KR", "58.0");
        as(PROCUREMENT).body(terms("SDI", "ACTIVE", TODAY.toString(), TODAY.plusYears(2).toString(), "900", "98000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(428);
        as(PROCUREMENT).header("If-Match", "1")
                .body(terms("SDI", "ACTIVE", TODAY.toString(), TODAY.plusYears(2).toString(), "900", "98000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2));
        as(PROCUREMENT).header("If-Match", "1")
                .body(terms("SDI", "ACTIVE", TODAY.toString(), TODAY.plusYears(2).toString(), "700", "98000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(412);
        as(VIEWER).get("/api/v1/contracts/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("terms.monthlyCommittedPacks", equalTo(List.of(900, 800)));

        // The supplier amends its pack facts, not its price.
        as(SDI_USER).header("If-Match", "2")
                .body(terms("SDI", "ACTIVE", TODAY.toString(), TODAY.plusYears(2).toString(), "900", "90000", "KRW", "KR", "58.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(403);
        as(SDI_USER).header("If-Match", "2")
                .body(terms("SDI", "ACTIVE", TODAY.toString(), TODAY.plusYears(2).toString(), "900", "98000", "KRW", "KR", "51.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200).body("terms.carbonFootprintKgCo2ePerKwh", equalTo(51.0f));

        as(LGES_USER).get("/api/v1/contracts/" + id).then().statusCode(404).body("terms", equalTo(null));
        as(LGES_USER).get("/api/v1/contracts").then().statusCode(200).body("items.terms.supplier", everyItem(equalTo("LGES")));
        as(LGES_USER).body(delivery(10, "SDI-000001", "SDI-000010")).post("/api/v1/contracts/" + id + "/deliveries").then().statusCode(404);
        as(SDI_USER).body(delivery(10, "SDI-000001", "SDI-000010")).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(201).body("confirmedBy", equalTo("sdi"));
        as(SDI_USER).body(delivery(10, "SDI-000011", "SDI-000015")).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(400).body("violations[0].field", equalTo("packs"));
        as(SDI_USER).get("/api/v1/contracts/" + id + "/deliveries").then().body("", hasSize(1));
    }

    @Test
    void badContractsAreProblemsWithEveryField() {
        as(PROCUREMENT).body(terms("NOPE", "ACTIVE", "2027-06-01", "2027-01-01", "100", "100", "XYZ", "KR", null))
                .post("/api/v1/contracts").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("validTo", "pricePerKwh.currency", "supplier"));
        as(PROCUREMENT).body(terms("LGES", "ACTIVE", "2027-01-01", "2027-06-01", "-5", "100", "USD", "KR", null))
                .post("/api/v1/contracts").then().statusCode(400).body("violations.field", containsInAnyOrder("monthlyCommittedPacks"));
        as(PROCUREMENT).body("{\"supplier\":").post("/api/v1/contracts").then().statusCode(400);
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
                .fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ORDER_EVENTS, key, "{")).awaitCompletion();
        var dead = CloudEventRecords.awaitFirst("supplier-service.dlq", key, null, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).isPresent();
    }

    private static String contract(String supplier, String status, String from, String to, String monthly, String price,
            String currency, String cellOrigin, String carbon) {
        return as(PROCUREMENT).body(terms(supplier, status, from, to, monthly, price, currency, cellOrigin, carbon))
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id");
    }

    static String terms(String supplier, String status, String from, String to, String monthly, String price,
            String currency, String cellOrigin, String carbon) {
        return """
                {"supplier":"%s","status":"%s","validFrom":"%s","validTo":"%s",
                 "packSpec":{"capacityKwh":100.0,"chemistry":"NMC"},"monthlyCommittedPacks":%s,
                 "flexRange":{"minPacks":0,"maxPacks":100000},"pricePerKwh":{"amount":%s,"currency":"%s"},
                 "cellOrigin":"%s","packOrigin":"KR","carbonFootprintKgCo2ePerKwh":%s}"""
                .formatted(supplier, status, from, to, monthly, price, currency, cellOrigin, carbon);
    }

    private static String delivery(int packs, String from, String to) {
        return "{\"packs\":%d,\"serialFrom\":\"%s\",\"serialTo\":\"%s\",\"deliveredOn\":\"%s\"}".formatted(packs, from, to, TODAY);
    }

    private static UUID blocked(Region region, IsoWeek week) {
        UUID order = UUID.randomUUID();
        String market = switch (region) {
            case NA -> "US";
            case EU -> "DE";
            case KR -> "KR";
        };
        publish(new BuildBlocked(order, market, region, BlockReason.NO_PACKS, week.toString(), "no packs", Instant.now()));
        return order;
    }

    private static void publish(DomainEvent event) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    private static PacksAllocated awaitAllocation(IsoWeek week, Region region, Predicate<PacksAllocated> matching) {
        return awaitSupplyEvent(week + "/" + region, PacksAllocated.class, matching);
    }

    private static ShortageAlert awaitAlert(IsoWeek week, Region region) {
        return awaitSupplyEvent(week + "/" + region, ShortageAlert.class, a -> a.detail().startsWith("DEMAND"));
    }

    /** The first supply event for this subject that matches, from the start of the topic. */
    private static <T extends DomainEvent> T awaitSupplyEvent(String subject, Class<T> type, Predicate<T> matching) {
        String ceType = EventType.of(type).ceType();
        try (var task = KafkaResource.companion().consumeStrings().fromTopics(Topics.SUPPLIER_EVENTS, records -> records
                .select().where(r -> subject.equals(r.key()) && CloudEventRecords.header(r, "ce_type").filter(ceType::equals).isPresent()
                        && matching.test(read(r, type)))
                .select().first())) {
            return read(task.awaitCompletion(Duration.ofSeconds(30)).getFirstRecord(), type);
        }
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
