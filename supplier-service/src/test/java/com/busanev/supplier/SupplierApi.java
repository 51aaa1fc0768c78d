package com.busanev.supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShortageAlert;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** What the module's REST and Kafka tests share: tokens, request bodies, demand events, and awaiting supply events. */
public final class SupplierApi {
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Seoul"));
    public static final String PROCUREMENT = Tokens.user("buyer").roles(Roles.PROCUREMENT).sign();

    private SupplierApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Adds a contract as procurement; its id. */
    public static String contract(String supplier, String status, String from, String to, String monthly, String price,
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

    /** Battery passport facts with every mandatory field (docs/supplier-service.md, "Battery passport"). */
    static final String PASSPORT_FACTS = """
            {"batteryModel":"LGES-P4-100","manufacturerName":"LG Energy Solution Ltd.",
             "manufacturerAddress":"108 Yeoui-daero, Yeongdeungpo-gu, Seoul, KR","manufacturingPlace":"Ochang plant, KR",
             "weightKg":650.0,"nominalVoltageV":400.0,"minVoltageV":300.0,"maxVoltageV":460.0,"originalPowerKw":300.0,
             "expectedLifetimeCycles":2000,"expectedLifetimeReferenceTest":"IEC 62660-1:2018 cycle life test",
             "cycleLifeTestCRate":0.33,"capacityThresholdForExhaustionPct":70.0,"idleTemperatureRange":{"minC":-40.0,"maxC":60.0},
             "calendarLifeWarrantyYears":8,"roundTripEfficiency":{"initialPct":95.0,"at50PctCycleLifePct":93.0},
             "internalResistance":{"cellMilliohm":0.6,"packMilliohm":95.0},"hazardousSubstances":["LiPF6"],"criticalRawMaterials":["cobalt","lithium","nickel","natural graphite"],
             "extinguishingAgent":"water","recycledContent":{"cobaltPct":16.0,"lithiumPct":6.0,"nickelPct":6.0,"leadPct":0.0},
             "renewableContentPct":0.0,"carbonFootprintClass":"B","carbonFootprintStudyUrl":"https://lges.example/pcf/p4-100",
             "dueDiligenceReportUrl":"https://lges.example/due-diligence/2026",
             "detailedComposition":{"cathode":"NMC811","anode":"graphite/SiOx","electrolyte":"LiPF6 in EC/EMC"},
             "sparePartsContact":"parts@lges.example","dismantlingInfoUrl":"https://lges.example/dismantling/p4-100",
             "safetyInstructionsUrl":"https://lges.example/safety/p4-100"}""";

    /** {@link #terms} with battery passport facts ({@code null}: none). */
    static String terms(String supplier, String status, String from, String to, String monthly, String price,
            String currency, String cellOrigin, String carbon, String passportFacts) {
        String terms = terms(supplier, status, from, to, monthly, price, currency, cellOrigin, carbon);
        return terms.substring(0, terms.lastIndexOf('}')) + ",\"passport\":" + passportFacts + "}";
    }

    public static String delivery(int packs, String from, String to, LocalDate on) {
        return "{\"packs\":%d,\"serialFrom\":\"%s\",\"serialTo\":\"%s\",\"deliveredOn\":\"%s\"}".formatted(packs, from, to, on);
    }

    /** A car of the region's usual market (US, DE, KR) the plant could not slot for want of a pack: demand. */
    static UUID blocked(Region region, IsoWeek week) {
        return blocked(region, switch (region) {
            case NA -> "US";
            case EU -> "DE";
            case KR -> "KR";
        }, week);
    }

    static UUID blocked(Region region, String market, IsoWeek week) {
        UUID order = UUID.randomUUID();
        publish(new BuildBlocked(order, market, region, BlockReason.NO_PACKS, week.toString(), "no packs", Instant.now()));
        return order;
    }

    /**
     * The plant builds these packs into cars (of orders supplier-service has no demand for): they leave the stock, so a
     * test's packs are not supply in other tests' weeks (stock on hand carries over to every later week).
     */
    public static void buildIn(List<String> serials) {
        serials.forEach(serial -> publish(new VehicleBuilt(UUID.randomUUID(), "polestar", "VIN" + serial, "KR", Region.KR,
                serial, "TEST", 0, 1400.0, Instant.now())));
        awaitConsumed(serials);
    }

    /** Waits until these packs are built into cars here (their VehicleBuilt consumed). */
    public static void awaitConsumed(List<String> serials) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> serials.forEach(serial -> as(PROCUREMENT)
                .get("/api/v1/packs/" + serial).then().statusCode(200).body("status", equalTo("CONSUMED"))));
    }

    /** The serials {@code prefix} + {@code first}..{@code last}, numbers written with {@code digits} digits. */
    static List<String> serials(String prefix, int first, int last, int digits) {
        return IntStream.rangeClosed(first, last).mapToObj(n -> prefix + String.format("%0" + digits + "d", n)).toList();
    }

    public static void publish(DomainEvent event) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    /** The {@code nth} allocation of the week and region that matches, from the start of the topic. */
    static PacksAllocated awaitAllocation(IsoWeek week, Region region, int nth, Predicate<PacksAllocated> matching) {
        return awaitEvent(PacksAllocated.class, week, region, nth, matching);
    }

    /** The first DEMAND shortage alert of the week and region. */
    static ShortageAlert awaitDemandAlert(IsoWeek week, Region region) {
        return awaitEvent(ShortageAlert.class, week, region, 1, a -> a.detail().startsWith("DEMAND"));
    }

    /** The {@code nth} supply event of this type for the week and region that matches, from the start of the topic. */
    static <T extends DomainEvent> T awaitEvent(Class<T> type, IsoWeek week, Region region, int nth, Predicate<T> matching) {
        String subject = week + "/" + region;
        String ceType = EventType.of(type).ceType();
        try (var task = KafkaResource.companion().consumeStrings().fromTopics(Topics.SUPPLIER_EVENTS, records -> records
                .select().where(r -> subject.equals(r.key()) && CloudEventRecords.header(r, "ce_type").filter(ceType::equals).isPresent()
                        && matching.test(read(r, type)))
                .select().first(nth))) {
            return read(task.awaitCompletion(Duration.ofSeconds(30)).getLastRecord(), type);
        }
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
