package com.busanev.order;

import static io.restassured.RestAssured.given;

import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

final class Fixtures {
    static final String POLESTAR = Tokens.user("polestar-oms").roles(Roles.BRAND_ORDERS).brand("polestar").sign();
    static final String OTHER_BRAND = Tokens.user("other-oms").roles(Roles.BRAND_ORDERS).brand("other-brand").sign();
    static final String VIEWER = Tokens.user("analyst").roles(Roles.VIEWER).sign();

    private Fixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String reference() {
        return "PS4-" + UUID.randomUUID();
    }

    static String order(String reference, String market) {
        return """
                {"brandReference":"%s","variant":"LONG_RANGE_DUAL_MOTOR","exteriorColour":"SNOW",
                 "interior":"CHARCOAL_TAILORED_KNIT","optionPacks":["PLUS","PILOT"],"wheels":"ALLOY_21",
                 "market":"%s"}""".formatted(reference, market);
    }

    /** Places an order for Polestar and returns its id. */
    static String place(String market) {
        return as(POLESTAR).body(order(reference(), market)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
    }
}
