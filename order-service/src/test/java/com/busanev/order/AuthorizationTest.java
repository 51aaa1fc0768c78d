package com.busanev.order;

import static com.busanev.order.Fixtures.OTHER_BRAND;
import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.VIEWER;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Tokens are RS256 JWTs verified against the JWKS; the brand comes from the token only. */
@QuarkusTest
@Order(3)
class AuthorizationTest {

    @Test
    void noTokenIs401AndAForgedSignatureIs401() {
        given().contentType("application/json").body(order(reference(), "US")).post("/api/v1/orders")
                .then().statusCode(401);
        given().get("/api/v1/orders").then().statusCode(401);
        String forged = Tokens.user("mallory").roles(Roles.BRAND_ORDERS).brand("polestar").forged();
        as(forged).body(order(reference(), "US")).post("/api/v1/orders").then().statusCode(401);
    }

    @Test
    void aVerifiedTokenIsReusedOnlyUntilItExpiresAndAnyOtherTokenIsVerifiedAfresh() throws InterruptedException {
        String token = Tokens.user("short-lived-oms").roles(Roles.BRAND_ORDERS).brand("polestar").expiresIn(3).sign();
        double hits = verifiedTokenCacheHits();
        as(token).get("/api/v1/orders").then().statusCode(200);
        as(token).get("/api/v1/orders").then().statusCode(200);
        assertThat(verifiedTokenCacheHits()).isEqualTo(hits + 1);
        // The same claims under another key, and the cached token with one signature character changed.
        as(Tokens.user("short-lived-oms").roles(Roles.BRAND_ORDERS).brand("polestar").expiresIn(3).forged())
                .get("/api/v1/orders").then().statusCode(401);
        int inSignature = token.length() - 20;
        String altered = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);
        as(altered).get("/api/v1/orders").then().statusCode(401);
        // Past its expiry the token is refused, though it was verified and reused before.
        Thread.sleep(4_500);
        as(token).get("/api/v1/orders").then().statusCode(401);
    }

    private static double verifiedTokenCacheHits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher hits = Pattern.compile("(?m)^cache_gets_total\\{[^}]*cache=\"verified-tokens\"[^}]*result=\"hit\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(hits.find()).as("the verified-token cache's hit counter in /q/metrics").isTrue();
        return Double.parseDouble(hits.group(1));
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        String planner = Tokens.user("planner").roles(Roles.PLANT_PLANNER).sign();
        as(planner).body(order(reference(), "US")).post("/api/v1/orders").then().statusCode(403)
                .contentType("application/problem+json");
        as(planner).get("/api/v1/orders").then().statusCode(403);
        as(VIEWER).body(order(reference(), "US")).post("/api/v1/orders").then().statusCode(403);
        String id = Fixtures.place("US");
        as(VIEWER).post("/api/v1/orders/" + id + "/cancel").then().statusCode(403);
        as(VIEWER).get("/api/v1/orders/" + id).then().statusCode(200).body("brand", equalTo("polestar"));
    }

    @Test
    void aBrandNeverSeesAnotherBrandsOrders() {
        String id = Fixtures.place("US");
        as(OTHER_BRAND).get("/api/v1/orders/" + id).then().statusCode(404).body("brand", equalTo(null));
        as(OTHER_BRAND).post("/api/v1/orders/" + id + "/cancel").then().statusCode(404);
        as(OTHER_BRAND).get("/api/v1/orders").then().statusCode(200).body("items.brand", everyItem(equalTo("other-brand")));
        as(POLESTAR).get("/api/v1/orders/" + id).then().statusCode(200);
        as(VIEWER).get("/api/v1/orders").then().statusCode(200).body("items", not(emptyIterable()));
    }

    @Test
    void theBrandComesFromTheTokenNeverFromTheBodyAndATokenWithoutBrandIsRefused() {
        String reference = reference();
        // The body has no brand field: one sent anyway is refused as unknown, and nothing is placed.
        as(POLESTAR).body(order(reference, "US").replace("{", "{\"brand\":\"other-brand\",")).post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("brand"));
        as(OTHER_BRAND).queryParam("reference", reference).get("/api/v1/orders").then().body("totalItems", equalTo(0));
        as(POLESTAR).queryParam("reference", reference).get("/api/v1/orders").then().body("totalItems", equalTo(0));
        // The same body without it belongs to whichever brand the token names.
        as(POLESTAR).body(order(reference, "US")).post("/api/v1/orders").then().statusCode(201)
                .body("brand", equalTo("polestar"));
        as(OTHER_BRAND).body(order(reference, "US")).post("/api/v1/orders").then().statusCode(201)
                .body("brand", equalTo("other-brand"));
        String noBrand = Tokens.user("anonymous-oms").roles(Roles.BRAND_ORDERS).sign();
        as(noBrand).body(order(reference(), "US")).post("/api/v1/orders").then().statusCode(403);
    }

    @Test
    void referenceDataNeedsAPartnerTokenWhileHealthMetricsAndTheContractArePublic() {
        given().get("/api/v1/reference").then().statusCode(401);
        as(POLESTAR).get("/api/v1/reference").then().statusCode(200)
                .body("markets.US", equalTo("NA"))
                .body("markets.KR", equalTo("KR"))
                .body("destinations.US", org.hamcrest.Matchers.contains("USBAL", "USLGB"))
                .body("destinations.DE", org.hamcrest.Matchers.contains("BEZEE", "DEBRV", "FRLEH"))
                .body("destinations.KR", org.hamcrest.Matchers.empty())
                .body("variants.code", org.hamcrest.Matchers.hasItem("LONG_RANGE_DUAL_MOTOR"));
        as(VIEWER).get("/api/v1/reference").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("http_server_requests"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                // batch items are read one by one on the server, but partners still see the order's schema
                .body("components.schemas.BatchRequest.properties.items.items.required",
                        org.hamcrest.Matchers.hasItems("brandReference", "variant", "market"))
                .body("paths.'/api/v1/orders'.post.responses.keySet()", org.hamcrest.Matchers.hasItems("201", "400", "409", "422"))
                .body("paths.'/api/v1/orders/batch'.post.description", org.hamcrest.Matchers.containsString("not all-or-nothing"))
                .body("components.schemas.OrderRequest.properties.requestedWeek.description",
                        org.hamcrest.Matchers.containsString("not a delivery week"));
    }
}
