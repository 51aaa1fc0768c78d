package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.awaitAllocation;
import static com.busanev.supplier.SupplierApi.awaitDemandAlert;
import static com.busanev.supplier.SupplierApi.awaitEvent;
import static com.busanev.supplier.SupplierApi.blocked;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.contract;
import static com.busanev.supplier.SupplierApi.delivery;
import static com.busanev.supplier.SupplierApi.serials;
import static com.busanev.supplier.SupplierApi.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShortageAlert;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotent creates, deliveries as supply, amendments and new contracts that move the allocation, and bad filters. */
@QuarkusTest
class ContractLifecycleTest {
    private static final String SKON_USER = Tokens.user("skon").roles(Roles.BATTERY_SUPPLIER).supplier("SKON").sign();
    private static final String LGES_USER = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();

    @Test
    void aContractCreateWithAnIdempotencyKeyHappensOnce() {
        String body = terms("SKON", "DRAFT", "2031-01-01", "2031-12-31", "400", "101.00", "USD", "KR", "55.0");
        String key = UUID.randomUUID().toString();
        String id = as(PROCUREMENT).header("Idempotency-Key", key).body(body).post("/api/v1/contracts").then()
                .statusCode(201).header("Idempotency-Replayed", "false").extract().path("id");
        as(PROCUREMENT).header("Idempotency-Key", key).body(body).post("/api/v1/contracts").then()
                .statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(id));
        as(PROCUREMENT).header("Idempotency-Key", key).body(body.replace("400", "401")).post("/api/v1/contracts").then()
                .statusCode(422);
        as(PROCUREMENT).queryParam("supplier", "SKON").queryParam("status", "DRAFT").queryParam("size", 500)
                .get("/api/v1/contracts").then().statusCode(200).body("items.findAll { it.id == '" + id + "' }", hasSize(1));
    }

    @Test
    void aDeliveryIsConfirmedOnceAndTopsUpItsWeeksSupply() {
        as(PROCUREMENT).body("{\"code\":\"ACME\",\"name\":\"Acme Cells\",\"country\":\"KR\"}").post("/api/v1/suppliers")
                .then().statusCode(201);
        as(PROCUREMENT).body("{\"code\":\"ACME\",\"name\":\"Acme again\",\"country\":\"KR\"}").post("/api/v1/suppliers")
                .then().statusCode(409);
        // 52 packs a month are 12 a week, but this week counts stock and notices only: 30 delivered make its supply
        // 30. A high price keeps this contract out of the other tests' allocations.
        String id = as(PROCUREMENT).body(terms("ACME", "ACTIVE", TODAY.minusDays(7).toString(), TODAY.plusDays(6).toString(),
                "52", "300.00", "USD", "KR", null)).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        int before = krSupplyThisWeek();
        String acme = Tokens.user("acme").roles(Roles.BATTERY_SUPPLIER).supplier("ACME").sign();
        String key = UUID.randomUUID().toString();
        String delivery = delivery(30, "ACME-7000", "ACME-7029", TODAY);
        String deliveryId = as(acme).header("Idempotency-Key", key).body(delivery).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(201).body("week", equalTo(IsoWeek.of(TODAY).toString())).extract().path("id");
        assertThat(krSupplyThisWeek()).isEqualTo(before + 30);

        // A retry with the key is the first delivery; the same serials again without it are refused.
        as(acme).header("Idempotency-Key", key).body(delivery).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(201).body("id", equalTo(deliveryId));
        as(acme).body(delivery(5, "ACME-7025", "ACME-7029", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(409).body("detail", containsString(deliveryId));
        as(acme).body(delivery(5, "ACME-7030", "ACME-7034", TODAY.minusDays(30))).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("deliveredOn"));
        as(acme).body(delivery(5, "ACME-7030", "ACME-7034", TODAY.plusDays(1))).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("deliveredOn"));
        as(acme).body(delivery(2, "ACME-7035", "BETA-7036", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("serialTo"));
        as(acme).body(delivery(-3, "ACME-7035", "ACME-7036", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("packs"));
        assertThat(krSupplyThisWeek()).isEqualTo(before + 30);
        as(acme).get("/api/v1/contracts/" + id + "/deliveries").then().statusCode(200).body("", hasSize(1));
        buildIn(serials("ACME-", 7000, 7029, 4));
    }

    @Test
    void aDraftContractTakesNoDeliveries() {
        String id = as(PROCUREMENT).body(terms("SKON", "DRAFT", TODAY.minusDays(7).toString(), TODAY.plusDays(60).toString(),
                "100", "99.00", "USD", "KR", null)).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        as(SKON_USER).body(delivery(2, "SKON-1", "SKON-2", TODAY)).post("/api/v1/contracts/" + id + "/deliveries")
                .then().statusCode(409);
    }

    @Test
    void suspendingAContractWithdrawsItsPacksAndRaisesTheShortageUntilItIsActiveAgain() {
        IsoWeek first = IsoWeek.of(TODAY).plusWeeks(120); // after every other contract of these tests
        IsoWeek week = first.plusWeeks(5);
        String from = first.monday().toString();
        String to = first.plusWeeks(10).sunday().toString();
        String id = as(PROCUREMENT).body(terms("SKON", "ACTIVE", from, to, "520", "105.00", "USD", "KR", "50.0"))
                .post("/api/v1/contracts").then().statusCode(201).header("ETag", equalTo("\"1\"")).extract().path("id");
        blocked(Region.NA, week);
        // beyond the horizon: the car's pack, no headroom
        PacksAllocated allocated = awaitAllocation(week, Region.NA, 1, a -> a.packs() == 1);
        assertThat(allocated.sources()).containsExactly(new PackSource(UUID.fromString(id), "SKON", 1));

        as(PROCUREMENT).header("If-Match", "1").body(terms("SKON", "SUSPENDED", from, to, "520", "105.00", "USD", "KR", "50.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200).body("version", equalTo(2));
        assertThat(awaitAllocation(week, Region.NA, 1, a -> a.packs() == 0).sources()).isEmpty();
        as(PROCUREMENT).queryParam("week", week.toString()).queryParam("region", "NA").queryParam("status", "OPEN")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.kind == 'DEMAND' }", hasSize(1))
                .body("items.findAll { it.kind == 'DEMAND' }[0].gap", equalTo(1))
                .body("items.findAll { it.kind == 'DEMAND' }[0].severity", equalTo("CRITICAL"));

        as(PROCUREMENT).header("If-Match", "2").body(terms("SKON", "ACTIVE", from, to, "520", "105.00", "USD", "KR", "50.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200).body("version", equalTo(3));
        awaitAllocation(week, Region.NA, 2, a -> a.packs() == 1);
        as(PROCUREMENT).queryParam("week", week.toString()).queryParam("region", "NA").queryParam("status", "RESOLVED")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.findAll { it.kind == 'DEMAND' }", hasSize(1));
        // The supplier of a contract is fixed; another supplier's amendment finds nothing.
        as(PROCUREMENT).header("If-Match", "3").body(terms("LGES", "ACTIVE", from, to, "520", "105.00", "USD", "KR", "50.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(400).body("violations[0].field", equalTo("supplier"));
        as(LGES_USER).header("If-Match", "3").body(terms("SKON", "ACTIVE", from, to, "520", "105.00", "USD", "KR", "40.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(404);
        as(LGES_USER).get("/api/v1/contracts/" + id + "/versions").then().statusCode(404);
        as(LGES_USER).get("/api/v1/contracts/" + id + "/deliveries").then().statusCode(404);
        as(SKON_USER).get("/api/v1/contracts/" + id + "/versions").then().statusCode(200)
                .body("terms.status", contains("ACTIVE", "SUSPENDED", "ACTIVE"));
    }

    @Test
    void anOpenShortageIsAnnouncedAgainOnlyWhenItGetsWorse() {
        IsoWeek first = IsoWeek.of(TODAY).plusWeeks(135); // after every other contract of these tests
        IsoWeek week = first.plusWeeks(2);
        String from = first.monday().toString();
        String to = first.plusWeeks(5).sunday().toString();
        // 44 packs a month are 10 a week: the 11th car is short by 1 of 11 (minor).
        String id = as(PROCUREMENT).body(terms("SKON", "ACTIVE", from, to, "44", "105.00", "USD", "KR", "50.0"))
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 11; i++) {
            blocked(Region.NA, week);
        }
        ShortageAlert minor = awaitEvent(ShortageAlert.class, week, Region.NA, 1, a -> a.detail().startsWith("DEMAND"));
        assertThat(minor.severity()).isEqualTo("MINOR");
        assertThat(minor.gap()).isEqualTo(1);

        // 22 a month are 5 a week: short by 6 of 11, the same alert, now critical.
        as(PROCUREMENT).header("If-Match", "1").body(terms("SKON", "ACTIVE", from, to, "22", "105.00", "USD", "KR", "50.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200);
        ShortageAlert critical = awaitEvent(ShortageAlert.class, week, Region.NA, 2, a -> a.detail().startsWith("DEMAND"));
        assertThat(critical.alertId()).isEqualTo(minor.alertId());
        assertThat(critical.severity()).isEqualTo("CRITICAL");
        assertThat(critical.gap()).isEqualTo(6);
        as(PROCUREMENT).queryParam("week", week.toString()).queryParam("region", "NA").get("/api/v1/alerts").then()
                .statusCode(200).body("items.findAll { it.kind == 'DEMAND' }.id", contains(minor.alertId().toString()));
    }

    @Test
    void aDeliveryReallocatesTheWeeksAheadAndStaysStockWhenTheContractIsSuspended() {
        // A week beyond the horizon that no contract commits to: only stock can supply it.
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(145);
        String from = TODAY.minusDays(7).toString();
        String to = TODAY.plusDays(7).toString();
        String id = contract("SKON", "ACTIVE", from, to, "0", "105.00", "USD", "KR", "50.0");
        // Demand first: nothing in stock, so nothing is allocated and the car is short.
        blocked(Region.NA, week);
        assertThat(awaitDemandAlert(week, Region.NA).gap()).isEqualTo(1);

        // 30 packs received today are stock from this week on: carried over, they cover the car.
        as(PROCUREMENT).body(delivery(30, "SKON-8200001", "SKON-8200030", TODAY))
                .post("/api/v1/contracts/" + id + "/deliveries").then().statusCode(201);
        PacksAllocated delivered = awaitAllocation(week, Region.NA, 1, a -> a.packs() > 0);
        assertThat(delivered.packs()).isEqualTo(1); // beyond the horizon: its real demand, no headroom

        // Suspended, the contract owes nothing more; the 30 packs received are still at the plant.
        as(PROCUREMENT).header("If-Match", "1").body(terms("SKON", "SUSPENDED", from, to, "0", "105.00", "USD", "KR", "50.0"))
                .put("/api/v1/contracts/" + id).then().statusCode(200);
        blocked(Region.NA, week);
        PacksAllocated afterSuspension = awaitAllocation(week, Region.NA, 1, a -> a.packs() == 2);
        assertThat(afterSuspension.sources()).containsExactly(new PackSource(UUID.fromString(id), "SKON", 2));
        buildIn(serials("SKON-", 8200001, 8200030, 7));
    }

    @Test
    void aNewContractReallocatesTheWeeksWithDemand() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(160); // beyond the horizon and every other contract
        blocked(Region.NA, week);
        assertThat(awaitDemandAlert(week, Region.NA).gap()).isEqualTo(1);
        String id = contract("SKON", "ACTIVE", week.monday().toString(), week.sunday().toString(), "520", "105.00", "USD",
                "KR", "50.0");
        assertThat(awaitAllocation(week, Region.NA, 1, a -> a.packs() > 0).sources())
                .containsExactly(new PackSource(UUID.fromString(id), "SKON", 1));
    }

    @Test
    void badFiltersAndRangesAreProblemsNotNotFound() {
        as(PROCUREMENT).queryParam("region", "MARS").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("region"));
        as(PROCUREMENT).queryParam("week", "2027-13").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json");
        as(PROCUREMENT).queryParam("status", "CLOSED").get("/api/v1/alerts").then().statusCode(400);
        as(PROCUREMENT).queryParam("status", "LIVE").get("/api/v1/contracts").then().statusCode(400);
        as(PROCUREMENT).queryParam("weeks", 0).get("/api/v1/coverage").then().statusCode(400)
                .contentType("application/problem+json");
        as(PROCUREMENT).queryParam("weeks", 105).get("/api/v1/coverage").then().statusCode(400);
        as(PROCUREMENT).queryParam("weeks", 104).get("/api/v1/coverage").then().statusCode(200).body("", hasSize(104 * 3));
        as(PROCUREMENT).get("/api/v1/contracts/not-a-uuid").then().statusCode(404);
    }

    private static int krSupplyThisWeek() {
        return as(PROCUREMENT).queryParam("weeks", 1).get("/api/v1/coverage").then().statusCode(200)
                .extract().path("find { it.region == 'KR' }.compliantSupply");
    }
}
