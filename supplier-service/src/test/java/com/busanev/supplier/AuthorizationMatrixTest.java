package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.terms;
import static io.restassured.RestAssured.given;

import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller. Requests that pass authorization are made to fail validation or
 * the version check, so the matrix changes no data; a battery supplier addressing another supplier's contract
 * gets 404 before its body is looked at.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    private static final String NONE = "none";
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put(NONE, null);
        CALLERS.put("forged", Tokens.user("mallory").roles(Roles.PROCUREMENT).forged());
        CALLERS.put("procurement", Tokens.user("buyer").roles(Roles.PROCUREMENT).sign());
        CALLERS.put("viewer", Tokens.user("viewer").roles(Roles.VIEWER).sign());
        CALLERS.put("own supplier", Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign());
        CALLERS.put("other supplier", Tokens.user("sdi").roles(Roles.BATTERY_SUPPLIER).supplier("SDI").sign());
        CALLERS.put("supplier without claim", Tokens.user("nobody").roles(Roles.BATTERY_SUPPLIER).sign());
        CALLERS.put("plant-planner", Tokens.user("planner").roles(Roles.PLANT_PLANNER).sign());
        CALLERS.put("brand-orders", Tokens.user("polestar").roles(Roles.BRAND_ORDERS).brand("polestar").sign());
    }

    /** Expected status per caller, in the order of {@link #CALLERS} after the two that are always 401. */
    private record Row(String method, String path, String body, String ifMatch, int procurement, int viewer,
            int ownSupplier, int otherSupplier, int supplierWithoutClaim, int planner, int brand) {
    }

    @Test
    void everyEndpointAgainstEveryCaller() {
        String procurement = CALLERS.get("procurement");
        String lgesTerms = terms("LGES", "DRAFT", "2032-01-01", "2032-12-31", "100", "100.00", "USD", "KR", null);
        String id = given().auth().oauth2(procurement).contentType(ContentType.JSON).body(lgesTerms)
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        String contract = "/api/v1/contracts/" + id;
        String delivery = "/api/v1/deliveries/" + UUID.randomUUID(); // none: every caller allowed in finds nothing
        String schedule = "/api/v1/delivery-schedules/" + UUID.randomUUID(); // none either
        String badDelivery = "{\"packs\":3,\"serialFrom\":\"LGES-1\",\"serialTo\":\"LGES-9\",\"deliveredOn\":\"2032-01-05\"}";

        var rows = java.util.List.of(
                new Row("GET", "/api/v1/suppliers", null, null, 200, 200, 200, 200, 200, 200, 200),
                new Row("POST", "/api/v1/suppliers", "{}", null, 400, 403, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/contracts", null, null, 200, 200, 200, 200, 403, 403, 403),
                new Row("POST", "/api/v1/contracts", "{}", null, 400, 403, 403, 403, 403, 403, 403),
                new Row("GET", contract, null, null, 200, 200, 200, 404, 403, 403, 403),
                new Row("PUT", contract, lgesTerms, "99", 412, 403, 412, 404, 403, 403, 403),
                new Row("GET", contract + "/versions", null, null, 200, 200, 200, 404, 403, 403, 403),
                new Row("POST", contract + "/deliveries", badDelivery, null, 409, 403, 409, 404, 403, 403, 403),
                new Row("GET", contract + "/deliveries", null, null, 200, 200, 200, 404, 403, 403, 403),
                new Row("POST", contract + "/asns", "{\"expectedOn\":\"2032-01-05\",\"serials\":[\"LGES-1\"]}", null,
                        409, 403, 409, 404, 403, 403, 403),
                new Row("POST", delivery + "/receipts", "{\"receivedOn\":\"2032-01-05\"}", null,
                        404, 403, 404, 404, 403, 403, 403),
                new Row("GET", delivery, null, null, 404, 404, 404, 404, 403, 404, 403),
                new Row("GET", delivery + "/vins", null, null, 404, 404, 404, 404, 403, 404, 403),
                new Row("GET", "/api/v1/packs/NOPE-1", null, null, 404, 404, 404, 404, 403, 404, 403),
                new Row("GET", "/api/v1/packs", null, null, 200, 200, 200, 200, 403, 200, 403),
                new Row("GET", "/api/v1/stock", null, null, 200, 200, 200, 200, 403, 200, 403),
                new Row("GET", "/api/v1/coverage", null, null, 200, 200, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/alerts", null, null, 200, 200, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/call-offs?from=2032-01-05", null, null, 200, 200, 200, 200, 403, 403, 403),
                new Row("POST", "/api/v1/delivery-schedules", "{}", null, 400, 403, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/delivery-schedules", null, null, 200, 200, 200, 200, 403, 200, 403),
                new Row("GET", schedule, null, null, 404, 404, 404, 404, 403, 404, 403),
                new Row("POST", schedule + "/acknowledgement", null, null, 403, 403, 404, 404, 403, 403, 403));

        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            int[] expected = {401, 401, row.procurement, row.viewer, row.ownSupplier, row.otherSupplier,
                    row.supplierWithoutClaim, row.planner, row.brand};
            int i = 0;
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                int status = request(caller.getValue(), row).request(row.method, row.path).statusCode();
                softly.assertThat(status).as("%s %s as %s", row.method, row.path, caller.getKey()).isEqualTo(expected[i++]);
            }
        }
        softly.assertAll();
    }

    private static RequestSpecification request(String token, Row row) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (row.ifMatch != null) {
            spec = spec.header("If-Match", row.ifMatch);
        }
        return row.body != null ? spec.body(row.body) : spec;
    }
}
