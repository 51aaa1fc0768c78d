package com.busanev.logistics;

import static com.busanev.logistics.Fixtures.OPERATOR;
import static com.busanev.logistics.Fixtures.POLESTAR;
import static com.busanev.logistics.Fixtures.VIEWER;
import static com.busanev.logistics.Fixtures.as;
import static com.busanev.logistics.Fixtures.awaitShipment;
import static com.busanev.logistics.Fixtures.built;
import static com.busanev.logistics.Fixtures.now;
import static com.busanev.logistics.Fixtures.voyage;
import static com.busanev.logistics.Fixtures.voyageBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do and read what, and bad input as problems. */
@QuarkusTest
class AccessTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String PLANT_FLOOR = Tokens.user("floor").roles(Roles.PLANT_FLOOR).sign();

    @Test
    void rolesAndBrandsDecideWhoSeesWhat() {
        UUID car = built("KR");
        awaitShipment(car, "BOOKED");
        given().get("/api/v1/shipments").then().statusCode(401);
        as(Tokens.user("x").roles(Roles.LOGISTICS_OPERATOR).forged()).get("/api/v1/voyages").then().statusCode(401);
        as(VIEWER).body(voyageBody("NOPE", "RO_RO", "DEBRV", now().plus(3, ChronoUnit.DAYS), "\"capacityCars\":1"))
                .post("/api/v1/voyages").then().statusCode(403);
        String other = Tokens.user("other").roles(Roles.BRAND_ORDERS).brand("other-brand").sign();
        as(POLESTAR).queryParam("orderId", car.toString()).get("/api/v1/shipments").then().statusCode(200).body("items", hasSize(1));
        as(other).queryParam("orderId", car.toString()).get("/api/v1/shipments").then().statusCode(200).body("items", hasSize(0));
        as(other).get("/api/v1/shipments").then().body("items.brand", everyItem(equalTo("other-brand")));
        as(POLESTAR).get("/api/v1/voyages").then().statusCode(403);
        as(PLANT_FLOOR).get("/api/v1/shipments").then().statusCode(403);
        as(VIEWER).queryParam("status", "NOT-A-STATUS").get("/api/v1/shipments").then().statusCode(400).contentType(PROBLEM);
        as(VIEWER).queryParam("voyage", "not-a-uuid").get("/api/v1/shipments").then().statusCode(400);
    }

    @Test
    void viewersReadVoyagesAndOnlyTheOperatorMovesThem() {
        // Its cut-off has passed: no car can be booked on it.
        String voyage = voyage("ACL-READ", "RO_RO", "DEBRV", now().plus(2, ChronoUnit.HOURS), "\"capacityCars\":1");
        as(VIEWER).get("/api/v1/voyages").then().statusCode(200);
        as(VIEWER).queryParam("port", "DEBRV").get("/api/v1/voyages").then().statusCode(200)
                .body("items.destinationPort", everyItem(equalTo("DEBRV"))).body("items.code", hasItem("ACL-READ"));
        as(VIEWER).get("/api/v1/voyages/" + voyage + "/manifest").then().statusCode(200).body("voyage.originPort", equalTo("KRPUS"));
        for (String action : new String[] {"/depart", "/arrive"}) {
            as(VIEWER).post("/api/v1/voyages/" + voyage + action).then().statusCode(403);
            as(POLESTAR).post("/api/v1/voyages/" + voyage + action).then().statusCode(403);
        }
        as(OPERATOR).post("/api/v1/voyages/" + voyage + "/depart").then().statusCode(200);
    }

    @Test
    void portsAreForTheRolesOfThisService() {
        given().get("/api/v1/ports").then().statusCode(401);
        as(PLANT_FLOOR).get("/api/v1/ports").then().statusCode(403);
        as(VIEWER).get("/api/v1/ports").then().statusCode(200).body("locode", hasItem("KRPUS"));
        as(POLESTAR).get("/api/v1/ports").then().statusCode(200);
        as(OPERATOR).get("/api/v1/ports").then().statusCode(200).body("locode", hasItem("USLGB"));
    }

    @Test
    void badVoyagesAreProblems() {
        Instant later = now().plus(3, ChronoUnit.DAYS);
        as(OPERATOR).body(voyageBody("BAD-1", "RO_RO", "XXABC", later, "\"capacityCars\":10")).post("/api/v1/voyages")
                .then().statusCode(400).body("violations[0].field", equalTo("destinationPort"));
        as(OPERATOR).body(voyageBody("BAD-2", "RO_RO", "DEBRV", later, "\"containers\":10")).post("/api/v1/voyages")
                .then().statusCode(400).body("violations.field", hasItem("capacityCars"));
        as(OPERATOR).body(voyageBody("BAD-3", "RO_RO", "DEBRV", now().minus(1, ChronoUnit.DAYS), "\"capacityCars\":10"))
                .post("/api/v1/voyages").then().statusCode(400).body("violations[0].field", equalTo("departure"));
        as(OPERATOR).body("{\"code\":\"x\"}").post("/api/v1/voyages").then().statusCode(400);
        as(OPERATOR).body("{\"code\":").post("/api/v1/voyages").then().statusCode(400).contentType(PROBLEM);
        as(OPERATOR).post("/api/v1/voyages/" + UUID.randomUUID() + "/depart").then().statusCode(404);
        as(VIEWER).queryParam("port", "XXABC").get("/api/v1/voyages").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("port"));
    }

    @Test
    void aRetriedVoyageWithTheSameIdempotencyKeyIsAddedOnce() {
        String body = voyageBody("BRV-RETRY", "RO_RO", "DEBRV", now().plus(4, ChronoUnit.DAYS), "\"capacityCars\":50");
        String id = as(OPERATOR).header("Idempotency-Key", "brv-retry-1").body(body).post("/api/v1/voyages")
                .then().statusCode(201).header("Idempotency-Replayed", "false").extract().path("id");
        as(OPERATOR).header("Idempotency-Key", "brv-retry-1").body(body).post("/api/v1/voyages")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(id));
        as(OPERATOR).header("Idempotency-Key", "brv-retry-1").body(body.replace("\"capacityCars\":50", "\"capacityCars\":60")).post("/api/v1/voyages")
                .then().statusCode(422).contentType(PROBLEM);
        as(OPERATOR).body(body).post("/api/v1/voyages").then().statusCode(409).contentType(PROBLEM);
    }
}
