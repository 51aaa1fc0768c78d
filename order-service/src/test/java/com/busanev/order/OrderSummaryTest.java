package com.busanev.order;

import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderSummaryTest {
    // A brand of its own, so that orders other tests place do not change its counts.
    private final String brand = "summary-" + UUID.randomUUID();
    private final String token = Tokens.user("summary-oms").roles(Roles.BRAND_ORDERS).brand(brand).sign();

    @Test
    void countsTheBrandsOwnOrdersByStatusAndMarket() {
        place("US", 2);
        place("DE", 2);

        as(token).get("/api/v1/orders/summary").then().statusCode(200)
                .body("total", equalTo(4))
                .body("byStatus.RECEIVED", equalTo(4))
                .body("byStatus.ARRIVED", equalTo(0))
                .body("byMarket.US", equalTo(2))
                .body("byMarket.DE", equalTo(2))
                .body("byStatusAndMarket.size()", equalTo(2))
                .body("byStatusAndMarket.find { it.market == 'US' }.count", equalTo(2));
    }

    @Test
    void aBrandCountsOnlyItsOwnAndAViewerEveryBrands() {
        place("CA", 1);
        JsonPath before = as(Fixtures.VIEWER).get("/api/v1/orders/summary").then().statusCode(200).extract().jsonPath();
        Fixtures.place("CA");

        as(token).get("/api/v1/orders/summary").then().statusCode(200)
                .body("total", equalTo(1))
                .body("byMarket.CA", equalTo(1));
        JsonPath after = as(Fixtures.VIEWER).get("/api/v1/orders/summary").then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("byMarket.CA")).isEqualTo(before.getLong("byMarket.CA") + 1);
        assertThat(after.getLong("total")).isGreaterThan(1);
    }

    @Test
    void rolesThatCannotReadOrdersAreRefused() {
        as(Tokens.user("supplier").roles(Roles.BATTERY_SUPPLIER).sign()).get("/api/v1/orders/summary")
                .then().statusCode(403);
        as(Tokens.user("brandless").roles(Roles.BRAND_ORDERS).sign()).get("/api/v1/orders/summary")
                .then().statusCode(403);
        given().get("/api/v1/orders/summary").then().statusCode(401);
    }

    private void place(String market, int count) {
        for (int i = 0; i < count; i++) {
            as(token).body(order(reference(), market)).post("/api/v1/orders").then().statusCode(201);
        }
    }
}
