package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.delivery;
import static com.busanev.supplier.SupplierApi.publish;
import static com.busanev.supplier.SupplierApi.terms;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.PacksReceived;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Receipts announced to the plant with the markets they may go to; VIN -> pack -> delivery -> contract and back. */
@QuarkusTest
class GenealogyTest {
    private static final String LGES_USER = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();
    private static final String SKON_USER = Tokens.user("skon").roles(Roles.BATTERY_SUPPLIER).supplier("SKON").sign();
    private static final String PLANNER = Tokens.user("planner").roles(Roles.PLANT_PLANNER).sign();
    private static final String BRAND = Tokens.user("pat").roles(Roles.BRAND_ORDERS).brand("polestar").sign();

    @Test
    void aReceiptTellsThePlantWhichMarketsItsPacksMayGoTo() throws Exception {
        String korean = contract("LGES", "KR", "61.5");
        String chinese = contract("CATL", "CN", "null");
        PacksReceived lges = received(deliver(korean, LGES_USER, 2, "LGREC-000001", "LGREC-000002"));
        assertThat(lges.serials()).containsExactly("LGREC-000001", "LGREC-000002");
        assertThat(lges.supplier()).isEqualTo("LGES");
        assertThat(lges.allowedMarkets()).contains("US", "CA", "DE", "FR", "KR");
        PacksReceived catl = received(deliver(chinese, PROCUREMENT, 1, "CATLREC-000001", "CATLREC-000001"));
        // Chinese cells: not for the US; no carbon declaration: not for the EU
        assertThat(catl.allowedMarkets()).containsExactly("CA", "KR");
        buildIn(List.of("LGREC-000001", "LGREC-000002", "CATLREC-000001"));
    }

    @Test
    void aPackBuiltIntoACarIsTracedFromTheVinToTheContractAndFromTheDeliveryToTheVins() {
        String contract = contract("LGES", "KR", "61.5");
        String delivery = deliver(contract, LGES_USER, 3, "LGGEN-000001", "LGGEN-000003");
        String vin = "KNMP4DEV0TB" + String.format("%06d", (int) (Math.random() * 1_000_000));
        UUID order = UUID.randomUUID();
        publish(new VehicleBuilt(order, "polestar", vin, "US", Region.NA, "LGGEN-000002", "LGES", 0, 1400.0, Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(PROCUREMENT)
                .get("/api/v1/packs/LGGEN-000002").then().statusCode(200).body("status", equalTo("CONSUMED")));
        // VIN -> pack -> delivery -> contract (the terms the pack was received under: its cells' origin)
        as(PROCUREMENT).queryParam("vin", vin).get("/api/v1/packs").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].serial", equalTo("LGGEN-000002"))
                .body("items[0].deliveryId", equalTo(delivery)).body("items[0].contractId", equalTo(contract))
                .body("items[0].contractVersion", equalTo(1)).body("items[0].cellOrigin", equalTo("KR"))
                .body("items[0].carbonFootprintKgCo2ePerKwh", equalTo(61.5f)).body("items[0].chemistry", equalTo("NMC"))
                .body("items[0].orderId", equalTo(order.toString())).body("items[0].market", equalTo("US"));
        // recall: the delivery -> its cars
        as(PROCUREMENT).get("/api/v1/deliveries/" + delivery + "/vins").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items.vin", contains(vin)).body("items.serial", contains("LGGEN-000002"));
        as(PROCUREMENT).queryParam("delivery", delivery).queryParam("status", "RECEIVED").get("/api/v1/packs").then()
                .statusCode(200).body("items.serial", contains("LGGEN-000001", "LGGEN-000003"));

        // The supplier reads its own packs; another supplier reads none of them; planners read all.
        as(LGES_USER).get("/api/v1/packs/LGGEN-000002").then().statusCode(200).body("vin", equalTo(vin));
        as(LGES_USER).get("/api/v1/deliveries/" + delivery + "/vins").then().statusCode(200).body("totalItems", equalTo(1));
        as(SKON_USER).get("/api/v1/packs/LGGEN-000002").then().statusCode(404);
        as(SKON_USER).queryParam("vin", vin).get("/api/v1/packs").then().statusCode(200).body("totalItems", equalTo(0));
        as(SKON_USER).queryParam("supplier", "LGES").queryParam("size", 100).get("/api/v1/packs").then().statusCode(200)
                .body("items.supplier", everyItem(equalTo("SKON")));
        as(SKON_USER).get("/api/v1/deliveries/" + delivery + "/vins").then().statusCode(404);
        as(PLANNER).get("/api/v1/deliveries/" + delivery + "/vins").then().statusCode(200).body("totalItems", equalTo(1));
        as(BRAND).get("/api/v1/packs/LGGEN-000002").then().statusCode(403);
        given().get("/api/v1/packs/LGGEN-000002").then().statusCode(401);
        as(PROCUREMENT).get("/api/v1/packs/NOPE-1").then().statusCode(404);
        as(PROCUREMENT).queryParam("status", "GONE").get("/api/v1/packs").then().statusCode(400);
        buildIn(List.of("LGGEN-000001", "LGGEN-000003"));
    }

    private static String contract(String supplier, String cellOrigin, String carbon) {
        return as(PROCUREMENT).body(terms(supplier, "ACTIVE", TODAY.minusDays(7).toString(), TODAY.plusYears(1).toString(),
                "0", "999.00", "USD", cellOrigin, carbon)).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
    }

    private static String deliver(String contract, String token, int packs, String from, String to) {
        return as(token).body(delivery(packs, from, to, TODAY)).post("/api/v1/contracts/" + contract + "/deliveries")
                .then().statusCode(201).body("status", equalTo("RECEIVED")).extract().path("id");
    }

    private static PacksReceived received(String delivery) throws Exception {
        var record = CloudEventRecords.awaitFirst(Topics.SUPPLIER_EVENTS, delivery, EventType.PACKS_RECEIVED.ceType(),
                Duration.ofSeconds(30));
        return EventJson.mapper().readValue(record.value(), PacksReceived.class);
    }
}
