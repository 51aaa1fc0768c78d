package com.busanev.production;

import static com.busanev.production.Plant.PLANNER;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.VIEWER;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.BuildScheduled;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.SequenceFrozen;
import com.busanev.events.Topics;
import com.busanev.production.sequence.SequenceRefresh;
import com.busanev.testing.CloudEventRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The line sequence of production days: rules, plant vehicles, sequences within the paint limit, freezing. The test
 * profile freezes the next 21 days (a day with builds in two weeks is frozen when sequenced, a day in 25 days is
 * open) and leaves the periodic refresh to the tests. The frozen day is sequenced first, before a refresh of the
 * whole horizon could freeze it without this test's builds.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SequencingTest {
    private static final String RULES = """
            {"ratios":[{"name":"battery-marriage","n":1,"p":2,"priority":"HIGH",
                        "carriers":{"variants":["LONG_RANGE_DUAL_MOTOR"],"plantOptions":["EV"]}},
                       {"name":"sunroof","n":2,"p":5,"priority":"LOW","carriers":{"plantOptions":["SUNROOF"]}}],
             "paintBatchLimit":%d,"objectives":["HIGH_PRIORITY_RATIOS","COLOUR_CHANGES","LOW_PRIORITY_RATIOS"]}""";
    private static final String FILE = """
            Date;SeqRank;Ident;Paint Color;EV;SUNROOF;
            %1$s;1;R-1;RED;1;0;
            %1$s;2;R-2;RED;0;1;
            %1$s;3;R-3;RED;1;0;
            %1$s;4;R-4;RED;0;0;
            %1$s;5;B-1;BLUE;0;1;
            %1$s;6;B-2;BLUE;0;0;
            %1$s;7;B-3;BLUE;0;0;
            """;

    @Inject
    SequenceRefresh refresh;

    @Test
    @Order(1)
    void aDayWithBuildsAndPlantVehiclesIsSequencedWithinThePaintLimitThenFrozen() {
        changeRules(RULES.formatted(2));
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(2);
        publish(new PacksAllocated(week.toString(), Region.EU, 10, List.of(), Instant.now()));
        List<UUID> orders = new ArrayList<>();
        LocalDate day = null;
        for (int i = 0; i < 3; i++) {
            UUID order = placed("DE", Region.EU, week.toString());
            LocalDate planned = awaitEvent(order, BuildScheduled.class).plannedDate();
            day = day == null ? planned : day;
            if (planned.equals(day)) {
                orders.add(order);
            }
        }
        assertThat(day).isBefore(LocalDate.now(PLANT).plusDays(21));
        as(PLANNER).contentType("text/csv").body(FILE.formatted(day)).put("/api/v1/sequence/" + day + "/plant-vehicles")
                .then().statusCode(200).body("", hasSize(7));

        JsonPath sequence = as(PLANNER).post("/api/v1/sequence/" + day + "/optimise").then().statusCode(200)
                .body("frozen", equalTo(true)).body("paintBatchesOverLimit", equalTo(0)).extract().jsonPath();
        List<String> colours = sequence.getList("positions.colour");
        assertThat(longestRun(colours)).isLessThanOrEqualTo(2);
        assertThat(sequence.getList("positions.plantVehicle")).contains("R-1", "R-2", "R-3", "R-4", "B-1", "B-2", "B-3");
        assertThat(sequence.getList("positions.orderId")).containsAll(orders.stream().map(UUID::toString).toList());
        assertThat(sequence.getInt("cars")).isEqualTo(colours.size());

        var record = CloudEventRecords.awaitFirst(Topics.PRODUCTION_EVENTS, day.toString(),
                EventType.SEQUENCE_FROZEN.ceType(), Duration.ofSeconds(30));
        SequenceFrozen frozen = read(record.value());
        assertThat(frozen.day()).isEqualTo(day);
        assertThat(frozen.orders()).containsAll(orders);
        assertThat(frozen.colourChanges()).isEqualTo(sequence.getLong("colourChanges"));

        // Builds and rules change; the frozen day keeps its sequence and takes no plant vehicles.
        UUID later = placed("FR", Region.EU, week.toString());
        awaitEvent(later, BuildScheduled.class);
        changeRules(RULES.formatted(3));
        JsonPath again = as(PLANNER).post("/api/v1/sequence/" + day + "/optimise").then().statusCode(200)
                .body("frozen", equalTo(true)).extract().jsonPath();
        assertThat(again.getList("positions")).isEqualTo(sequence.getList("positions"));
        assertThat(again.getString("computedAt")).isEqualTo(sequence.getString("computedAt"));
        as(PLANNER).contentType("text/csv").body(FILE.formatted(day)).put("/api/v1/sequence/" + day + "/plant-vehicles")
                .then().statusCode(409);
        as(VIEWER).queryParam("date", day.toString()).get("/api/v1/sequence").then().statusCode(200)
                .body("positions", hasSize(colours.size()));
        as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/schedule")
                .then().statusCode(200).body("[0].sequence.frozen", equalTo(true))
                .body("[0].sequence.cars", equalTo(colours.size()))
                .body("[0].sequence.paintBatchesOverLimit", equalTo(0))
                .body("[0].sequence.objective", equalTo(sequence.getInt("objective")));
        as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/kpis")
                .then().statusCode(200).body("sequenceQuality", aMapWithSize(1))
                .body("sequenceQuality.'" + day + "'.frozen", equalTo(true))
                .body("sequenceQuality.'" + day + "'.colourChanges", equalTo(sequence.getInt("colourChanges")))
                .body("sequenceQuality.'" + day + "'.objective", equalTo(sequence.getInt("objective")));
        assertThat(CloudEventRecords.all(Topics.PRODUCTION_EVENTS, day.toString(), Duration.ofSeconds(2)))
                .as("one SequenceFrozen for the day").hasSize(1);
    }

    @Test
    @Order(2)
    void anOpenDayIsSequencedAgainWhenItsInputsChange() {
        changeRules(RULES.formatted(2));
        LocalDate day = LocalDate.now(PLANT).plusDays(25);
        as(PLANNER).body("""
                [{"ident":"A-1","colour":"RED","options":["EV"]},{"ident":"A-2","colour":"RED"},
                 {"ident":"A-3","colour":"RED"},{"ident":"A-4","colour":"BLUE","options":["SUNROOF"]}]""")
                .put("/api/v1/sequence/" + day + "/plant-vehicles").then().statusCode(200);
        assertThat(refreshAll()).contains(day);
        JsonPath first = sequence(day);
        assertThat(first.getBoolean("frozen")).isFalse();
        assertThat(first.getList("positions.plantVehicle")).contains("A-1", "A-2", "A-3", "A-4");
        assertThat(longestRun(first.getList("positions.colour"))).isLessThanOrEqualTo(2);

        refreshAll();
        assertThat(sequence(day).getString("computedAt")).as("unchanged inputs: not sequenced again")
                .isEqualTo(first.getString("computedAt"));

        as(PLANNER).body("""
                [{"ident":"C-1","colour":"GREEN"},{"ident":"C-2","colour":"BLUE"}]""")
                .put("/api/v1/sequence/" + day + "/plant-vehicles").then().statusCode(200);
        refreshAll();
        JsonPath second = sequence(day);
        assertThat(second.getList("positions.plantVehicle")).contains("C-1", "C-2").doesNotContain("A-1");
        assertThat(second.getBoolean("frozen")).isFalse();
    }

    @Test
    @Order(3)
    void aRecentDayNoPassFrozeIsFrozenLateAnOlderOneIsLeft() {
        LocalDate missed = LocalDate.now(PLANT).minusDays(2);
        LocalDate tooOld = LocalDate.now(PLANT).minusDays(10);
        for (LocalDate day : List.of(missed, tooOld)) {
            as(PLANNER).body("""
                    [{"ident":"M-1","colour":"RED"},{"ident":"M-2","colour":"BLUE"}]""")
                    .put("/api/v1/sequence/" + day + "/plant-vehicles").then().statusCode(200);
        }

        assertThat(refreshAll()).contains(missed).doesNotContain(tooOld);
        assertThat(CloudEventRecords.all(Topics.PRODUCTION_EVENTS, missed.toString(), Duration.ofSeconds(2)))
                .as("the missed day's SequenceFrozen").hasSize(1);
        assertThat(refreshAll()).as("frozen: not looked at again").doesNotContain(missed);
    }

    @Test
    void rulesAreValidatedAndVersioned() {
        String version = as(VIEWER).get("/api/v1/sequence/rules").then().statusCode(200).extract().header("ETag")
                .replace("\"", "");
        as(PLANNER).body(RULES.formatted(2)).put("/api/v1/sequence/rules").then().statusCode(428);
        as(VIEWER).header("If-Match", version).body(RULES.formatted(2)).put("/api/v1/sequence/rules").then().statusCode(403);
        as(PLANNER).header("If-Match", version).body(RULES.formatted(2).replace("\"n\":2,\"p\":5", "\"n\":6,\"p\":5"))
                .put("/api/v1/sequence/rules").then().statusCode(400)
                .body("violations[0].field", equalTo("ratios[1].n"));
        as(PLANNER).header("If-Match", version).body(RULES.formatted(0)).put("/api/v1/sequence/rules").then().statusCode(400)
                .body("violations[0].field", equalTo("paintBatchLimit"));
        as(PLANNER).header("If-Match", version).body(RULES.formatted(2).replace("\"priority\":\"LOW\",",
                "\"priority\":\"LOW\",\"colour\":\"RED\",")).put("/api/v1/sequence/rules").then().statusCode(400)
                .body("violations[0].field", containsString("colour"));
        as(PLANNER).header("If-Match", version).body(RULES.formatted(2).replace("\"plantOptions\":[\"SUNROOF\"]", ""))
                .put("/api/v1/sequence/rules").then().statusCode(400)
                .body("violations[0].field", equalTo("ratios[1].carriers"));
        String next = as(PLANNER).header("If-Match", version).body(RULES.formatted(2)).put("/api/v1/sequence/rules")
                .then().statusCode(200).extract().header("ETag").replace("\"", "");
        assertThat(Integer.parseInt(next)).isEqualTo(Integer.parseInt(version) + 1);
        as(PLANNER).header("If-Match", version).body(RULES.formatted(2)).put("/api/v1/sequence/rules").then().statusCode(409);
    }

    @Test
    void aMalformedPlantVehiclesFileIsRefusedWithItsLineAndFieldAndNothingKept() {
        changeRules(RULES.formatted(2));
        LocalDate day = LocalDate.now(PLANT).plusDays(300);
        String path = "/api/v1/sequence/" + day + "/plant-vehicles";
        as(PLANNER).contentType("text/plain").body(FILE.formatted(day)).put(path).then().statusCode(200);

        as(PLANNER).contentType("text/csv").body(FILE.formatted(day).replace("B-2;BLUE", "B-2;"))
                .put(path).then().statusCode(400)
                .body("detail", containsString("line 7"))
                .body("violations[0].field", equalTo("Paint Color"));
        as(PLANNER).contentType("text/csv").body(FILE.formatted(day).replace("SUNROOF", "HEATPUMP"))
                .put(path).then().statusCode(400)
                .body("detail", containsString("line 1"))
                .body("violations[0].field", equalTo("HEATPUMP"));
        as(PLANNER).contentType("text/csv").body(FILE.formatted(day).replace("R-3;RED;1;0", "R-3;RED;yes;0"))
                .put(path).then().statusCode(400)
                .body("violations[0].field", equalTo("EV"));
        as(PLANNER).body("[{\"ident\":\"X-1\",\"colour\":\"RED\",\"options\":[\"HEATPUMP\"]},{\"ident\":\"X-2\"}]")
                .put(path).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("[0].options[0]", "[1].colour"));

        as(VIEWER).get(path).then().statusCode(200).body("", hasSize(7)).body("[0].ident", equalTo("R-1"))
                .body("[0].options", org.hamcrest.Matchers.contains("EV"));
        as(VIEWER).queryParam("date", "tomorrow").get("/api/v1/sequence").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
    }

    private static void changeRules(String rules) {
        String version = as(PLANNER).get("/api/v1/sequence/rules").then().statusCode(200).extract().header("ETag")
                .replace("\"", "");
        as(PLANNER).header("If-Match", version).body(rules).put("/api/v1/sequence/rules").then().statusCode(200);
    }

    private List<LocalDate> refreshAll() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> refresh.refreshAll());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static JsonPath sequence(LocalDate day) {
        return as(VIEWER).queryParam("date", day.toString()).get("/api/v1/sequence").then().statusCode(200)
                .extract().jsonPath();
    }

    private static int longestRun(List<String> colours) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < colours.size(); i++) {
            run = i > 0 && colours.get(i).equals(colours.get(i - 1)) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static SequenceFrozen read(String json) {
        try {
            return EventJson.mapper().readValue(json, SequenceFrozen.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
