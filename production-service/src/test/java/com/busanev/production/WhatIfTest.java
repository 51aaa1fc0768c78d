package com.busanev.production;

import static com.busanev.production.Plant.FLOOR;
import static com.busanev.production.Plant.PLANNER;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.VIEWER;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The supply what-if on the real plan. Each test's orders are for a market no other test uses (LU, MT, in EU), in the
 * last weeks of the horizon, after every EU week other tests allocate (so no other test's allocation re-slots them
 * and no other test's packs lie after them), with a priority above every other test's (so no other test's order
 * takes these packs); the assertions read these markets only.
 */
@QuarkusTest
class WhatIfTest {
    private static final IsoWeek THIS_WEEK = IsoWeek.of(LocalDate.now(PLANT));

    @Inject
    AgroalDataSource database;

    @Test
    void aCutSlipsTheLowestPriorityOrdersOfTheWeekAndTheRealPlanStaysAsItWas() throws Exception {
        IsoWeek week = THIS_WEEK.plusWeeks(24);
        List<UUID> orders = List.of(placed("LU", Region.EU, week.toString(), 99), placed("LU", Region.EU, week.toString(), 98),
                placed("LU", Region.EU, week.toString(), 97));
        orders.forEach(order -> awaitEvent(order, BuildBlocked.class));
        publish(new PacksAllocated(week.toString(), Region.EU, 3, List.of(new PackSource(UUID.randomUUID(), "WIF-A", 2),
                new PackSource(UUID.randomUUID(), "WIF-B", 1)), Instant.now()));
        List<LocalDate> planned = orders.stream().map(order -> awaitEvent(order, BuildScheduled.class).plannedDate()).toList();
        String before = realPlan(orders, week);

        // Half of WIF-A's 2 packs from that week: one build must go, the lowest priority; a new source a week on takes it.
        IsoWeek later = week.plusWeeks(1);
        JsonPath slipped = whatIf(PLANNER, """
                {"changes":[{"type":"SUPPLIER_CUT","supplier":"WIF-A","region":"EU","percent":50,"fromWeek":"%s"},
                 {"type":"NEW_SUPPLIER","region":"EU","packsPerWeek":1,"fromWeek":"%s","untilWeek":"%s"}]}"""
                .formatted(week, later, later));
        assertThat(slipped.getInt("changes[0].packs")).isEqualTo(-1);
        assertThat(slipped.getInt("changes[1].packs")).isEqualTo(1);
        assertThat(slipped.getString(of("LU", "region"))).isEqualTo("EU");
        LocalDate newDate = LocalDate.parse(slipped.getString(of("LU", "slipped.orders[0].newPlannedDate")));
        int days = (int) ChronoUnit.DAYS.between(planned.get(2), newDate);
        assertThat(IsoWeek.of(newDate)).isEqualTo(later);
        assertThat(slipped.getInt(of("LU", "slipped.count"))).isEqualTo(1);
        assertThat(slipped.getInt(of("LU", "slipped.maxDays"))).isEqualTo(days);
        assertThat(slipped.getInt(of("LU", "slipped.totalDays"))).isEqualTo(days);
        assertThat(slipped.getDouble(of("LU", "slipped.averageDays"))).isEqualTo((double) days);
        assertThat(slipped.getString(of("LU", "slipped.orders[0].orderId"))).isEqualTo(orders.get(2).toString());
        assertThat(slipped.getString(of("LU", "slipped.orders[0].plannedDate"))).isEqualTo(planned.get(2).toString());
        assertThat(slipped.getInt(of("LU", "slipped.orders[0].days"))).isEqualTo(days);
        assertThat(slipped.getInt(of("LU", "newlyBlocked.count"))).isZero();

        // The contract ends before the week: WIF-A's 2 packs are gone and nothing later has packs for them.
        JsonPath ended = whatIf(Tokens.user("buyer").roles(Roles.PROCUREMENT).sign(), """
                {"changes":[{"type":"CONTRACT_ENDS","supplier":"WIF-A","afterWeek":"%s"}]}""".formatted(week.plusWeeks(-1)));
        assertThat(ended.getList(of("LU", "newlyBlocked.orders.orderId")))
                .containsExactlyInAnyOrder(orders.get(1).toString(), orders.get(2).toString());
        assertThat(ended.getList(of("LU", "newlyBlocked.orders.reason"))).containsOnly("NO_PACKS");
        assertThat(ended.getInt(of("LU", "slipped.count"))).isZero();

        // A list capped by limit still counts every order.
        JsonPath capped = whatIf(PLANNER, "?limit=1", """
                {"changes":[{"type":"CONTRACT_ENDS","supplier":"WIF-A","afterWeek":"%s"}]}""".formatted(week.plusWeeks(-1)));
        assertThat(capped.getInt(of("LU", "newlyBlocked.count"))).isEqualTo(2);
        assertThat(capped.getList(of("LU", "newlyBlocked.orders"))).hasSize(1);

        assertThat(realPlan(orders, week)).isEqualTo(before);
    }

    @Test
    void aNewSupplierGivesBlockedOrdersADay() {
        IsoWeek week = THIS_WEEK.plusWeeks(25);
        UUID first = placed("MT", Region.EU, week.toString(), 99);
        UUID second = placed("MT", Region.EU, week.toString(), 99);
        awaitEvent(first, BuildBlocked.class);
        awaitEvent(second, BuildBlocked.class);

        JsonPath answer = whatIf(PLANNER, """
                {"changes":[{"type":"NEW_SUPPLIER","region":"EU","packsPerWeek":2,"fromWeek":"%s","untilWeek":"%s"}]}"""
                .formatted(week, week));
        assertThat(answer.getInt("changes[0].packs")).isEqualTo(2);
        assertThat(answer.getList(of("MT", "unblocked.orders.orderId")))
                .containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(answer.getList(of("MT", "unblocked.orders.newPlannedDate"), String.class))
                .allSatisfy(date -> assertThat(IsoWeek.of(LocalDate.parse(date))).isEqualTo(week));
        as(VIEWER).get("/api/v1/builds/" + first).then().statusCode(200).body("status", equalTo("BLOCKED"));
    }

    @Test
    void invalidChangesAreOne400NamingEachField() {
        as(PLANNER).body("""
                {"changes":[{"type":"SUPPLIER_SURGE","supplier":"SKON"},
                 {"type":"SUPPLIER_CUT","supplier":"SKON","percent":130,"fromWeek":"2027-W53"},
                 {"type":"CONTRACT_ENDS","supplier":"","afterWeek":"27-W10"},
                 {"type":"NEW_SUPPLIER","region":"EU","packsPerWeek":0,"fromWeek":"2027-W12","untilWeek":"2027-W10"},
                 {"type":"NEW_SUPPLIER","packsPerWeek":10}]}""")
                .post("/api/v1/what-if").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("changes[0].type", "changes[1].fromWeek", "changes[1].percent",
                        "changes[2].afterWeek", "changes[2].supplier", "changes[3].packsPerWeek", "changes[3].untilWeek",
                        "changes[4].fromWeek", "changes[4].region"));
        as(PLANNER).body("""
                {"changes":[{"type":"SUPPLIER_CUT","supplier":"SKON","percentage":30,"fromWeek":"2027-W10"}]}""")
                .post("/api/v1/what-if").then().statusCode(400).body("violations.field", contains("changes[0].percentage"));
        as(PLANNER).body("""
                {"changes":[{"type":"NEW_SUPPLIER","region":"XX","packsPerWeek":1,"fromWeek":"2027-W10"}]}""")
                .post("/api/v1/what-if").then().statusCode(400).body("violations.field", contains("changes[0].region"));
        as(PLANNER).body("{\"changes\":[]}").post("/api/v1/what-if").then().statusCode(400)
                .body("violations.field", contains("changes"));
        as(PLANNER).body("{}").post("/api/v1/what-if").then().statusCode(400).body("violations.field", contains("changes"));
        as(PLANNER).queryParam("limit", 5000).body("""
                {"changes":[{"type":"CONTRACT_ENDS","supplier":"SKON","afterWeek":"2027-W10"}]}""")
                .post("/api/v1/what-if").then().statusCode(400).body("violations.field", contains("limit"));
    }

    @Test
    void plannersAndProcurementAskOthersAreRefused() {
        String body = "{\"changes\":[{\"type\":\"CONTRACT_ENDS\",\"supplier\":\"NOBODY\",\"afterWeek\":\"2027-W10\"}]}";
        given().body(body).contentType("application/json").post("/api/v1/what-if").then().statusCode(401);
        as(VIEWER).body(body).post("/api/v1/what-if").then().statusCode(403);
        as(FLOOR).body(body).post("/api/v1/what-if").then().statusCode(403);
        as(Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign()).body(body).post("/api/v1/what-if")
                .then().statusCode(403);
        as(PLANNER).body(body).post("/api/v1/what-if").then().statusCode(200).body("totals.slipped", equalTo(0));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/what-if'.post.operationId", equalTo("supplyWhatIf"));
    }

    /** The path of a field of one market's impact in the answer. */
    private static String of(String market, String field) {
        return "markets.find { it.market == '" + market + "' }." + field;
    }

    private static JsonPath whatIf(String token, String body) {
        return whatIf(token, "", body);
    }

    private static JsonPath whatIf(String token, String query, String body) {
        return as(token).body(body).post("/api/v1/what-if" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The real plan as far as these orders go: their builds, their week's budget, their events, as text. */
    private String realPlan(List<UUID> orders, IsoWeek week) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var connection = database.getConnection()) {
            for (String sql : List.of(
                    "SELECT order_id, status, planned_date, blocked_week, version FROM build WHERE order_id = ANY(?) ORDER BY order_id",
                    "SELECT subject, event_type, payload FROM outbox_event WHERE subject = ANY(?) ORDER BY seq")) {
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setArray(1, connection.createArrayOf(sql.contains("build") ? "uuid" : "text",
                            orders.stream().map(UUID::toString).toArray()));
                    rows.addAll(rows(statement.executeQuery()));
                }
            }
            try (var statement = connection.prepareStatement(
                    "SELECT week, region, allocated, suppliers FROM pack_budget WHERE week BETWEEN ? AND ? ORDER BY week, region")) {
                statement.setString(1, week.toString());
                statement.setString(2, week.plusWeeks(1).toString());
                rows.addAll(rows(statement.executeQuery()));
            }
        }
        assertThat(rows).hasSizeGreaterThan(orders.size());
        return String.join("\n", rows);
    }

    private static List<String> rows(java.sql.ResultSet result) throws SQLException {
        List<String> rows = new ArrayList<>();
        while (result.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                row.append(result.getString(i)).append('|');
            }
            rows.add(row.toString());
        }
        return rows;
    }

}
