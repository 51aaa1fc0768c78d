package com.busanev.production;

import static com.busanev.production.Plant.PLANNER;
import static com.busanev.production.Plant.VIEWER;
import static com.busanev.production.Plant.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 problem naming what is wrong, never a 500 or a 404, and changes nothing. */
@QuarkusTest
class RequestValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCalendarWithMissingPartsIsOne400NamingEveryOne() {
        String version = as(PLANNER).get("/api/v1/calendar").then().statusCode(200).extract().header("ETag");
        put(version, "{}").body("violations.field",
                hasItems("workingDays", "shifts", "renaultReservedPerDay", "evShareCap", "horizonWeeks"));
        putChanged(version, c -> c.putNull("shifts")).body("violations.field", hasItem("shifts"));
        putChanged(version, c -> c.putArray("shifts").addNull()).body("violations.field", hasItem("shifts[0]"));
        putChanged(version, c -> c.withArray("shifts").insertNull(1))
                .body("violations.field", hasItem("shifts[1]"));
        as(VIEWER).get("/api/v1/calendar").then().header("ETag", equalTo(version));
    }

    @Test
    void aMissingCapacityShareIsNamedNotTakenAsZero() {
        String version = as(PLANNER).get("/api/v1/calendar").then().statusCode(200).extract().header("ETag");
        putChanged(version, c -> c.remove("renaultReservedPerDay"))
                .body("violations.field", equalTo(List.of("renaultReservedPerDay")));
        putChanged(version, c -> c.remove("evShareCap")).body("violations.field", equalTo(List.of("evShareCap")));
        putChanged(version, c -> c.put("evShareCap", 1.5)).body("violations.field", equalTo(List.of("evShareCap")));
        putChanged(version, c -> c.put("renaultReserved", 700)).body("violations[0].field", equalTo("renaultReserved"));
        as(VIEWER).get("/api/v1/calendar").then().header("ETag", equalTo(version));
    }

    @Test
    void badOrMissingPeriodsAreProblemsNamingTheParameter() {
        for (String path : new String[] {"/api/v1/schedule", "/api/v1/kpis"}) {
            problem(as(PLANNER).queryParam("from", "2027-02-30").queryParam("to", "2027-03-05").get(path), "from");
            problem(as(PLANNER).queryParam("from", "2027-03-01").queryParam("to", "next week").get(path), "to");
            problem(as(PLANNER).queryParam("to", "2027-03-05").get(path), "from");
            problem(as(PLANNER).queryParam("from", "2027-03-01").get(path), "to");
            problem(as(PLANNER).get(path), "from").body("violations[1].field", equalTo("to"));
        }
        problem(as(VIEWER).queryParam("status", "FLYING").get("/api/v1/builds"), "status");
        problem(as(VIEWER).queryParam("region", "MARS").get("/api/v1/builds"), "region");
        as(VIEWER).queryParam("status", "BLOCKED").queryParam("region", "EU").get("/api/v1/builds").then().statusCode(200);
    }

    private static ValidatableResponse problem(Response response, String field) {
        return response.then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    private static ValidatableResponse putChanged(String version, Consumer<ObjectNode> change) {
        try {
            ObjectNode calendar = (ObjectNode) JSON.readTree(as(PLANNER).get("/api/v1/calendar").asString());
            change.accept(calendar);
            return put(version, calendar.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ValidatableResponse put(String version, String body) {
        return as(PLANNER).header("If-Match", version).body(body).put("/api/v1/calendar")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
