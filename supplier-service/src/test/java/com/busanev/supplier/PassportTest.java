package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PASSPORT_FACTS;
import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.publish;
import static com.busanev.supplier.SupplierApi.terms;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.busanev.events.BatteryPassportIssued;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Battery passports: what anonymous callers, authorities, the parties of a pack and others read; the event when a car
 * is built (complete or not) and again when the supplier completes the facts; versions; a shipped car's stays.
 */
@QuarkusTest
class PassportTest {
    private static final String LGES = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();
    private static final String SKON = Tokens.user("skon").roles(Roles.BATTERY_SUPPLIER).supplier("SKON").sign();
    private static final String INSPECTOR = Tokens.user("inspector").roles(Roles.BATTERY_AUTHORITY).sign();
    private static final String POLESTAR = Tokens.user("pat").roles(Roles.BRAND_ORDERS).brand("polestar").sign();
    private static final String OTHER_BRAND = Tokens.user("oz").roles(Roles.BRAND_ORDERS).brand("other-brand").sign();
    private static final String BASE = "http://localhost:8084/passports/";

    @Test
    void everyoneReadsThePublicPartAuthoritiesTheRestrictedOneAndThePartiesEverything() {
        String contract = contract(PASSPORT_FACTS, "55.0");
        String made = TODAY.minusDays(20).toString();
        as(LGES).body("""
                {"packs":2,"serialFrom":"LGPP-000001","serialTo":"LGPP-000002","deliveredOn":"%s","manufacturedOn":"%s"}"""
                .formatted(TODAY, made)).post("/api/v1/contracts/" + contract + "/deliveries").then().statusCode(201);

        // anonymous: the public part (Annex XIII point 1), complete, in stock; nothing restricted, no business data
        given().get("/passports/LGPP-000001").then().statusCode(200)
                .header("ETag", "\"1-PUBLIC\"").header("Vary", "Authorization")
                .body("uniqueIdentifier", equalTo("LGPP-000001")).body("passportUrl", equalTo(BASE + "LGPP-000001"))
                .body("version", equalTo(1)).body("accessLevel", equalTo("PUBLIC"))
                .body("complete", equalTo(true)).body("missing", empty())
                .body("generalProductInformation.lifecycle", equalTo("IN_STOCK"))
                .body("generalProductInformation.batteryModel", equalTo("LGES-P4-100"))
                .body("generalProductInformation.manufacturingDate", equalTo(made))
                .body("generalProductInformation.manufacturingDateSource", equalTo("NOTICE"))
                .body("carbonFootprint.batteryCarbonFootprintKgCo2ePerKwh", equalTo(55.0f))
                .body("carbonFootprint.carbonFootprintPerformanceClass", equalTo("B"))
                .body("generalProductInformation.batteryCategory", equalTo("EV"))
                .body("generalProductInformation.warrantyPeriodYears", equalTo(8))
                .body("performanceAndDurability.ratedCapacityAh", equalTo(250.0f))
                .body("performanceAndDurability.capacityThresholdForExhaustionPct", equalTo(70.0f))
                .body("performanceAndDurability.temperatureRangeIdleState.minC", equalTo(-40.0f))
                .body("performanceAndDurability.roundTripEfficiency.at50PctCycleLifePct", equalTo(93.0f))
                .body("performanceAndDurability.internalResistance.packMilliohm", equalTo(95.0f))
                .body("performanceAndDurability.cRateOfCycleLifeTest", equalTo(0.33f))
                .body("performanceAndDurability.expectedLifetimeReferenceTest", equalTo("IEC 62660-1:2018 cycle life test"))
                .body("circularity.recycledContent.cobaltPct", equalTo(16.0f))
                .body("circularity.renewableContentPct", equalTo(0.0f))
                .body("materialComposition.batteryChemistry", equalTo("NMC"))
                .body("$", not(hasKey("traceability")))
                .body("materialComposition", not(hasKey("batteryMaterials")))
                .body("circularity", not(hasKey("dismantlingAndRemovalInformation")))
                .body("supplyChainDueDiligence", not(hasKey("cellOrigin")));
        // an authority or recycler: the restricted part (point 2) too, still no business data
        as(INSPECTOR).get("/passports/LGPP-000001").then().statusCode(200).header("ETag", "\"1-RESTRICTED\"")
                .body("accessLevel", equalTo("RESTRICTED"))
                .body("materialComposition.batteryMaterials.cathode", equalTo("NMC811"))
                .body("circularity.dismantlingAndRemovalInformation", equalTo("https://lges.example/dismantling/p4-100"))
                .body("supplyChainDueDiligence.cellOrigin", equalTo("KR"))
                .body("$", not(hasKey("traceability")));
        as(INSPECTOR).queryParam("access", "PUBLIC").get("/passports/LGPP-000001").then().statusCode(200)
                .body("accessLevel", equalTo("PUBLIC")).body("materialComposition", not(hasKey("batteryMaterials")));
        as(INSPECTOR).queryParam("access", "FULL").get("/passports/LGPP-000001").then().statusCode(403);
        given().queryParam("access", "RESTRICTED").get("/passports/LGPP-000001").then().statusCode(401);
        given().auth().oauth2(Tokens.user("x").roles(Roles.BATTERY_AUTHORITY).forged()).get("/passports/LGPP-000001")
                .then().statusCode(401);
        // its manufacturer reads everything, another supplier the public part only
        as(LGES).get("/passports/LGPP-000001").then().statusCode(200).body("accessLevel", equalTo("FULL"))
                .body("traceability.contractId", equalTo(contract)).body("traceability.vin", nullValue());
        as(SKON).get("/passports/LGPP-000001").then().statusCode(200).body("accessLevel", equalTo("PUBLIC"));
        given().get("/passports/NOPE-000001").then().statusCode(404);
        given().get("/passports/NOPE-000001/versions").then().statusCode(404);

        // built into a Polestar for Germany: a new version, announced complete
        UUID order = UUID.randomUUID();
        String vin = vin();
        publish(new VehicleBuilt(order, "polestar", vin, "DE", Region.EU, "LGPP-000001", "LGES", 0, 1400.0, Instant.now()));
        BatteryPassportIssued issued = awaitPassport(order, 2);
        assertThat(issued.complete()).isTrue();
        assertThat(issued.missing()).isEmpty();
        assertThat(issued).extracting(BatteryPassportIssued::vin, BatteryPassportIssued::market,
                BatteryPassportIssued::packSerial, BatteryPassportIssued::passportUrl)
                .containsExactly(vin, "DE", "LGPP-000001", BASE + "LGPP-000001");

        // the brand of the car reads everything about it; another brand the public part
        as(POLESTAR).get("/passports/LGPP-000001").then().statusCode(200).header("ETag", "\"2-FULL\"")
                .body("version", equalTo(2)).body("generalProductInformation.lifecycle", equalTo("IN_VEHICLE"))
                .body("traceability.vin", equalTo(vin)).body("traceability.orderId", equalTo(order.toString()))
                .body("traceability.market", equalTo("DE"));
        as(OTHER_BRAND).get("/passports/LGPP-000001").then().statusCode(200).body("accessLevel", equalTo("PUBLIC"))
                .body("$", not(hasKey("traceability")));
        as(POLESTAR).get("/passports/LGPP-000002").then().statusCode(200).body("accessLevel", equalTo("PUBLIC"));
        given().get("/passports/LGPP-000001/versions").then().statusCode(200)
                .body("version", contains(2, 1)).body("reason", contains("BUILT", "SHIPPED"))
                .body("complete", contains(true, true));
        buildIn(List.of("LGPP-000002"));
    }

    @Test
    void anIncompletePassportNamesWhatIsMissingAndIsIssuedAgainWhenTheSupplierCompletesIt() {
        String contract = contract(null, "null");
        as(LGES).body(SupplierApi.delivery(3, "LGPI-000001", "LGPI-000003", TODAY))
                .post("/api/v1/contracts/" + contract + "/deliveries").then().statusCode(201);
        UUID atPort = UUID.randomUUID();
        UUID departed = UUID.randomUUID();
        publish(new VehicleBuilt(atPort, "polestar", vin(), "FR", Region.EU, "LGPI-000001", "LGES", 0, 1400.0, Instant.now()));
        publish(new VehicleBuilt(departed, "polestar", vin(), "DE", Region.EU, "LGPI-000002", "LGES", 0, 1400.0, Instant.now()));

        BatteryPassportIssued incomplete = awaitPassport(atPort, 2);
        assertThat(incomplete.complete()).isFalse();
        assertThat(incomplete.missing()).contains("carbonFootprintKgCo2ePerKwh", "passport.batteryModel",
                "passport.recycledContent.cobaltPct", "passport.detailedComposition.cathode", "passport.dueDiligenceReportUrl");
        assertThat(awaitPassport(departed, 2).complete()).isFalse();
        given().get("/passports/LGPI-000003").then().statusCode(200).body("complete", equalTo(false))
                .body("missing", hasItems("carbonFootprintKgCo2ePerKwh", "passport.weightKg"))
                .body("generalProductInformation.manufacturingDateSource", equalTo("SHIPPING_NOTICE"))
                .body("generalProductInformation.manufacturingDate", equalTo(TODAY.toString()));

        // one car leaves the port: its passport keeps what it was shipped with
        publish(new ShipmentDeparted(departed, UUID.randomUUID(), Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/passports/LGPI-000002")
                .then().statusCode(200).body("generalProductInformation.lifecycle", equalTo("SHIPPED_IN_VEHICLE")));

        // a commercial amendment changes no passport
        as(PROCUREMENT).header("If-Match", "\"1\"").body(terms(contract("888.00"), "null", null))
                .put("/api/v1/contracts/" + contract).then().statusCode(200);
        given().get("/passports/LGPI-000001").then().statusCode(200).body("version", equalTo(2));
        // the supplier completes its facts: the car at the port and the pack in stock get a new, complete version
        as(LGES).header("If-Match", "\"2\"").body(terms(contract("888.00"), "55.0", PASSPORT_FACTS))
                .put("/api/v1/contracts/" + contract).then().statusCode(200);
        BatteryPassportIssued completed = awaitPassport(atPort, 3);
        assertThat(completed.complete()).isTrue();
        assertThat(completed.missing()).isEmpty();
        given().get("/passports/LGPI-000001/versions").then().statusCode(200).body("version", contains(3, 2, 1))
                .body("reason", contains("AMENDED", "BUILT", "SHIPPED")).body("contractVersion", contains(3, 1, 1))
                .body("complete", contains(true, false, false));
        given().get("/passports/LGPI-000003").then().statusCode(200).body("version", equalTo(2))
                .body("complete", equalTo(true)).body("generalProductInformation.lifecycle", equalTo("IN_STOCK"));
        given().get("/passports/LGPI-000002").then().statusCode(200).body("version", equalTo(2))
                .body("complete", equalTo(false));
        buildIn(List.of("LGPI-000003"));
    }

    private static String[] contract(String price) {
        return new String[] {"LGES", "ACTIVE", TODAY.minusDays(7).toString(), TODAY.plusYears(1).toString(), "0", price,
                "USD", "KR"};
    }

    private static String terms(String[] t, String carbon, String facts) {
        return SupplierApi.terms(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], carbon, facts);
    }

    private static String contract(String facts, String carbon) {
        return as(PROCUREMENT).body(terms(contract("999.00"), carbon, facts)).post("/api/v1/contracts").then()
                .statusCode(201).extract().path("id");
    }

    private static String vin() {
        return "KNMP4PAS0TB" + String.format("%06d", (int) (Math.random() * 1_000_000));
    }

    /** The order's passport event of this version. */
    private static BatteryPassportIssued awaitPassport(UUID order, int version) {
        String ceType = EventType.BATTERY_PASSPORT_ISSUED.ceType();
        try (var task = KafkaResource.companion().consumeStrings().fromTopics(Topics.SUPPLIER_EVENTS, records -> records
                .select().where(r -> order.toString().equals(r.key())
                        && CloudEventRecords.header(r, "ce_type").filter(ceType::equals).isPresent()
                        && read(r.value()).version() == version)
                .select().first(1))) {
            return read(task.awaitCompletion(Duration.ofSeconds(30)).getLastRecord().value());
        }
    }

    private static BatteryPassportIssued read(String json) {
        try {
            return EventJson.mapper().readValue(json, BatteryPassportIssued.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
