package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.awaitAllocation;
import static com.busanev.supplier.SupplierApi.blocked;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.serials;
import static com.busanev.supplier.SupplierApi.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.IsoWeek;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shipping notices, receipts in parts and in full, stock carried over in the coverage, and allocation from stock. */
@QuarkusTest
class StockTest {
    private static final String STOK_USER = Tokens.user("stok").roles(Roles.BATTERY_SUPPLIER).supplier("STOK").sign();
    private static final String SKON_USER = Tokens.user("skon").roles(Roles.BATTERY_SUPPLIER).supplier("SKON").sign();

    @Test
    void aNoticeIsInboundUntilItsPacksAreReceivedInPartsOrInFullAndTheStockCarriesOver() {
        supplier("STOK");
        // No commitment and the highest price: only its own packs count, and other tests' cars take them last.
        String contract = as(PROCUREMENT).body(terms("STOK", "ACTIVE", TODAY.minusDays(7).toString(),
                TODAY.plusYears(1).toString(), "0", "999.00", "USD", "KR", "50.0")).post("/api/v1/contracts")
                .then().statusCode(201).extract().path("id");
        IsoWeek now = IsoWeek.of(TODAY);
        Map<String, Integer> before = krStock(now);

        String asn = as(STOK_USER).body(Map.of("expectedOn", TODAY.toString(),
                        "ranges", List.of(Map.of("from", "STOK-000001", "to", "STOK-000010")), "serials", List.of("STOK-000050")))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(201)
                .body("status", equalTo("IN_TRANSIT")).body("packs", equalTo(11)).body("receivedPacks", equalTo(0))
                .body("serialFrom", equalTo("STOK-000001")).body("serialTo", equalTo("STOK-000050")).extract().path("id");
        as(STOK_USER).body(Map.of("expectedOn", TODAY.toString(), "serials", List.of("STOK-000010")))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(409)
                .body("detail", containsString("STOK-000010"));
        as(STOK_USER).body(Map.of("expectedOn", TODAY.plusYears(2).toString(), "serials", List.of()))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("ranges", "expectedOn"));
        assertContractStock(contract, 11, 0, 0);

        // Four arrive: stock; the other seven are still inbound this week.
        as(STOK_USER).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of("STOK-000001", "STOK-000050"),
                        "ranges", List.of(Map.of("from", "STOK-000002", "to", "STOK-000003"))))
                .post("/api/v1/deliveries/" + asn + "/receipts").then().statusCode(200)
                .body("status", equalTo("PARTLY_RECEIVED")).body("receivedPacks", equalTo(4));
        as(STOK_USER).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of("STOK-000099")))
                .post("/api/v1/deliveries/" + asn + "/receipts").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("serials"));
        as(STOK_USER).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of("STOK-000001")))
                .post("/api/v1/deliveries/" + asn + "/receipts").then().statusCode(409)
                .body("detail", containsString("STOK-000001"));
        as(STOK_USER).body(Map.of("receivedOn", TODAY.plusDays(1).toString()))
                .post("/api/v1/deliveries/" + asn + "/receipts").then().statusCode(400);
        assertContractStock(contract, 7, 4, 0);
        Map<String, Integer> partly = krStock(now);
        assertThat(partly.get("opening0") - before.get("opening0")).as("on hand this week").isEqualTo(4);
        assertThat(partly.get("inbound0") - before.get("inbound0")).as("due this week").isEqualTo(7);
        assertThat(partly.get("opening1") - before.get("opening1")).as("carried over to next week").isEqualTo(11);

        // Three more shipped for next week, then the first notice received in full.
        String next = as(STOK_USER).body(Map.of("expectedOn", now.plusWeeks(1).monday().toString(),
                        "ranges", List.of(Map.of("from", "STOK-000101", "to", "STOK-000103"))))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(201).extract().path("id");
        as(STOK_USER).body(Map.of("receivedOn", TODAY.toString())).post("/api/v1/deliveries/" + asn + "/receipts")
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("receivedPacks", equalTo(11));
        as(STOK_USER).body(Map.of("receivedOn", TODAY.toString())).post("/api/v1/deliveries/" + asn + "/receipts")
                .then().statusCode(409);
        assertContractStock(contract, 3, 11, 0);
        Map<String, Integer> full = krStock(now);
        assertThat(full.get("opening0") - before.get("opening0")).isEqualTo(11);
        assertThat(full.get("inbound1") - before.get("inbound1")).isEqualTo(3);
        assertThat(full.get("opening2") - before.get("opening2")).isEqualTo(14);

        // The second notice closes with nothing received: its packs are missing, no longer inbound.
        as(STOK_USER).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of(), "closing", true))
                .post("/api/v1/deliveries/" + next + "/receipts").then().statusCode(200).body("status", equalTo("CLOSED"));
        assertContractStock(contract, 0, 11, 3);
        assertThat(krStock(now).get("inbound1")).isEqualTo(before.get("inbound1"));

        // Another supplier sees neither the notice nor the stock of this one.
        as(SKON_USER).get("/api/v1/deliveries/" + asn).then().statusCode(404);
        as(SKON_USER).body(Map.of("receivedOn", TODAY.toString())).post("/api/v1/deliveries/" + next + "/receipts")
                .then().statusCode(404);
        as(SKON_USER).get("/api/v1/stock").then().statusCode(200)
                .body("contracts.findAll { it.supplier != 'SKON' }", hasSize(0));
        as(STOK_USER).get("/api/v1/contracts/" + contract + "/deliveries").then().statusCode(200).body("", hasSize(2));
        buildIn(serials("STOK-", 1, 10, 6));
        buildIn(List.of("STOK-000050"));
    }

    @Test
    void weeksWithinTheConfirmedHorizonAreAllocatedFromStockAndInboundNotFromTheCommitment() {
        supplier("FCST");
        IsoWeek next = IsoWeek.of(TODAY).plusWeeks(1); // within the confirmed weeks (2)
        IsoWeek later = IsoWeek.of(TODAY).plusWeeks(2); // beyond: the commitment is a forecast
        // The cheapest contract by far, 1,200 packs a week committed, nothing shipped yet; over after these weeks.
        String contract = as(PROCUREMENT).body(terms("FCST", "ACTIVE", TODAY.minusDays(7).toString(),
                later.sunday().toString(), "5200", "1.00", "USD", "KR", "50.0")).post("/api/v1/contracts")
                .then().statusCode(201).extract().path("id");
        blocked(Region.KR, next);
        blocked(Region.KR, later);
        awaitAllocation(later, Region.KR, 1, a -> fromFcst(a) > 0);
        Instant shipped = Instant.now();
        String asn = as(PROCUREMENT).body(Map.of("expectedOn", next.monday().toString(),
                        "ranges", List.of(Map.of("from", "FCST-000001", "to", "FCST-000005"))))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(201).extract().path("id");
        try {
            PacksAllocated withNotice = awaitAllocation(next, Region.KR, 1, a -> fromFcst(a) > 0);
            assertThat(withNotice.allocatedAt()).as("FCST supplies next week only once it shipped").isAfter(shipped);
            assertThat(fromFcst(withNotice)).as("its 5 packs shipped, not its 1,200 committed").isBetween(1, 5);
        } finally {
            // the notice never arrives: its packs are no inbound in other tests' weeks
            as(PROCUREMENT).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of(), "closing", true))
                    .post("/api/v1/deliveries/" + asn + "/receipts").then().statusCode(200);
        }
    }

    @Test
    void coverageSaysTheWeeksOfStockAndTheWeekEachRegionRunsDry() {
        List<Map<String, Object>> rows = as(PROCUREMENT).queryParam("weeks", 6).get("/api/v1/coverage").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(rows).hasSize(18);
        for (Region region : Region.values()) {
            List<Map<String, Object>> ofRegion = rows.stream().filter(r -> region.name().equals(r.get("region"))).toList();
            String firstDry = ofRegion.stream()
                    .filter(r -> (int) r.get("gap") > 0 || (int) r.get("closingStock") < (int) r.get("safetyStock"))
                    .map(r -> (String) r.get("week")).findFirst().orElse(null);
            assertThat(ofRegion).allSatisfy(r -> {
                assertThat(r.get("runsDryWeek")).isEqualTo(firstDry);
                assertThat(r.get("weeksOfStock")).isNotNull();
            });
        }
        assertThat(rows.get(2)).containsEntry("region", "KR").containsEntry("safetyStock", 80);
    }

    private static int fromFcst(PacksAllocated allocation) {
        return allocation.sources().stream().filter(s -> s.supplier().equals("FCST")).mapToInt(s -> s.packs()).sum();
    }

    private static void supplier(String code) {
        as(PROCUREMENT).body(Map.of("code", code, "name", code + " Cells", "country", "KR")).post("/api/v1/suppliers")
                .then().statusCode(201);
    }

    private static void assertContractStock(String contract, int inTransit, int onHand, int missing) {
        JsonPath stock = as(PROCUREMENT).get("/api/v1/stock").then().statusCode(200).extract().jsonPath();
        String path = "contracts.find { it.contractId == '" + contract + "' }.";
        assertThat(stock.getInt(path + "inTransit")).as("in transit").isEqualTo(inTransit);
        assertThat(stock.getInt(path + "onHand")).as("on hand").isEqualTo(onHand);
        assertThat(stock.getInt(path + "missing")).as("missing").isEqualTo(missing);
    }

    /** Korea's stock figures of the coverage's first three weeks: opening0, inbound0, opening1, ... */
    private static Map<String, Integer> krStock(IsoWeek now) {
        JsonPath coverage = as(PROCUREMENT).queryParam("weeks", 3).get("/api/v1/coverage").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Integer> figures = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String row = "find { it.region == 'KR' && it.week == '" + now.plusWeeks(i) + "' }.";
            figures.put("opening" + i, coverage.getInt(row + "openingStock"));
            figures.put("inbound" + i, coverage.getInt(row + "inbound"));
        }
        return figures;
    }
}
