package com.busanev.production;

import static com.busanev.production.Plant.FLOOR;
import static com.busanev.production.Plant.PLANNER;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.VIEWER;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BuildChangeRefused;
import com.busanev.events.BuildChanged;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.Markets;
import com.busanev.events.OrderChangeRequested;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The plant decides a brand's order change: applied on the build's day when the day can take it, re-planned when the
 * change adds a car of a HIGH-priority sequencing rule its day is full of, refused past the freeze point (the test
 * profile freezes 10 working days) or once the build started. Runs after the tests without an order (before
 * CancelSagaTest): the packs it leaves in its regions' weeks would slot ProductionFlowTest's as-soon-as-possible order.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class ChangeSagaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangeThatTheDayCanTakeKeepsTheSlot() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(20);
        publish(new PacksAllocated(week.toString(), Region.EU, 5, List.of(), Instant.now()));
        UUID order = placed("DE", Region.EU, week.toString());
        LocalDate day = awaitEvent(order, BuildScheduled.class).plannedDate();

        publish(change(order, "MIDNIGHT", List.of("PLUS", "PILOT"), "FR"));
        BuildChanged changed = awaitEvent(order, BuildChanged.class);
        assertThat(changed.slotKept()).isTrue();
        assertThat(changed.plannedDate()).isEqualTo(day);
        assertThat(changed.market()).isEqualTo("FR");
        assertThat(changed.exteriorColour()).isEqualTo("MIDNIGHT");
        assertThat(changed.optionPacks()).containsExactly("PLUS", "PILOT");
        as(VIEWER).get("/api/v1/builds/" + order).then().body("market", equalTo("FR"))
                .body("plannedDate", equalTo(day.toString())).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void aChangeThatItsDayHasNoRoomForIsReplannedToALaterDay() throws Exception {
        var read = as(PLANNER).get("/api/v1/sequence/rules").then().statusCode(200).extract();
        String original = read.asString();
        ObjectNode rules = (ObjectNode) JSON.readTree(original);
        rules.withArray("ratios").addObject().put("name", "performance-tuning").put("n", 1).put("p", 500)
                .put("priority", "HIGH").putObject("carriers").putArray("optionPacks").add("PERFORMANCE");
        String version = putRules(read.header("ETag"), rules.toString());
        try {
            IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(24);
            publish(new PacksAllocated(week.toString(), Region.KR, 5, List.of(), Instant.now()));
            UUID tuned = UUID.randomUUID();
            publish(new OrderPlaced(tuned, "polestar", "REF-" + tuned, "POLESTAR_4", "LONG_RANGE_DUAL_MOTOR",
                    List.of("PERFORMANCE"), "SNOW", "KR", Region.KR, week.toString(), 0, Instant.now()));
            LocalDate day = awaitEvent(tuned, BuildScheduled.class).plannedDate();
            UUID plain = placed("KR", Region.KR, week.toString());
            assertThat(awaitEvent(plain, BuildScheduled.class).plannedDate()).isEqualTo(day);

            publish(change(plain, "SNOW", List.of("PERFORMANCE"), "KR"));
            BuildRescheduled moved = awaitEvent(plain, BuildRescheduled.class);
            assertThat(moved.previousDate()).isEqualTo(day);
            assertThat(moved.plannedDate()).isAfter(day);
            assertThat(moved.reason()).contains("performance-tuning");
            BuildChanged changed = awaitEvent(plain, BuildChanged.class);
            assertThat(changed.slotKept()).isFalse();
            assertThat(changed.plannedDate()).isEqualTo(moved.plannedDate());
            as(VIEWER).get("/api/v1/builds/" + tuned).then().body("plannedDate", equalTo(day.toString()));
        } finally {
            putRules(version, original);
        }
    }

    @Test
    void aChangePastTheFreezePointOrAfterTheStartIsRefused() {
        IsoWeek next = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(1);
        publish(new PacksAllocated(next.toString(), Region.NA, 5, List.of(), Instant.now()));
        UUID soon = placed("US", Region.NA, next.toString());
        LocalDate day = awaitEvent(soon, BuildScheduled.class).plannedDate();
        publish(change(soon, "STORM", List.of(), "CA"));
        assertThat(awaitEvent(soon, BuildChangeRefused.class).reason()).startsWith("past the freeze point")
                .contains(day.toString());
        as(VIEWER).get("/api/v1/builds/" + soon).then().body("market", equalTo("US"));

        IsoWeek later = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(23);
        publish(new PacksAllocated(later.toString(), Region.NA, 5, List.of(), Instant.now()));
        UUID started = placed("US", Region.NA, later.toString());
        awaitEvent(started, BuildScheduled.class);
        as(FLOOR).post("/api/v1/builds/" + started + "/start").then().statusCode(200);
        publish(change(started, "STORM", List.of(), "CA"));
        assertThat(awaitEvent(started, BuildChangeRefused.class).reason()).startsWith("the build started at ");

        UUID unknown = UUID.randomUUID();
        publish(change(unknown, "STORM", List.of(), "CA"));
        assertThat(awaitEvent(unknown, BuildChangeRefused.class).reason()).isEqualTo("the plant has no build of this order");
    }

    private static OrderChangeRequested change(UUID order, String colour, List<String> packs, String market) {
        return new OrderChangeRequested(order, UUID.randomUUID(), "polestar", colour, "CHARCOAL_NAPPA_LEATHER",
                "ALLOY_21", packs, market, Markets.regionOf(market).orElseThrow(), Instant.now());
    }

    /** Puts the rules on the version given (an ETag) and answers the new ETag. */
    private static String putRules(String etag, String rules) {
        return as(PLANNER).header("If-Match", etag).body(rules).put("/api/v1/sequence/rules").then().statusCode(200)
                .extract().header("ETag");
    }
}
