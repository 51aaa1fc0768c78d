package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.awaitAllocation;
import static com.busanev.supplier.SupplierApi.contract;
import static com.busanev.supplier.SupplierApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.SequenceFrozen;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The call-off in sequence: demand and two suppliers' contracts make a week's allocation shared 1:2, then the plant
 * freezes a day of that week; each supplier reads its packs in line order, procurement reads every position.
 */
@QuarkusTest
class CallOffTest {
    private static final String LGES_USER = Tokens.user("lges").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();

    @Test
    void aFrozenDaysPacksAreCalledOffInLineOrderSplitInProportionToTheSuppliersPacks() {
        IsoWeek week = IsoWeek.of(TODAY).plusWeeks(90); // a week of its own, beyond the horizon: real demand only
        String from = week.monday().toString();
        String to = week.sunday().toString();
        contract("LGES", "ACTIVE", from, to, "13", "110.00", "USD", "KR", null); // 3 packs a week, the cheaper
        contract("SKON", "ACTIVE", from, to, "1000", "200.00", "USD", "KR", null);
        List<UUID> orders = IntStream.range(0, 9).mapToObj(i -> UUID.randomUUID()).toList();
        KafkaResource.companion().produceStrings().fromRecords(orders.stream()
                .map(order -> CloudEventRecords.of(new BuildScheduled(order, "KR", Region.KR, "Polestar 4 Long range",
                        week.monday().plusDays(1), week.toString(), Instant.now())))
                .toList()).awaitCompletion();
        assertThat(awaitAllocation(week, Region.KR, 1, a -> a.packs() == 9).sources())
                .extracting(PackSource::supplier, PackSource::packs).containsExactly(
                        tuple("LGES", 3), tuple("SKON", 6));

        LocalDate day = week.monday().plusDays(1);
        UUID unknown = UUID.randomUUID(); // a build whose demand never reached supplier-service
        List<UUID> lineOrder = new ArrayList<>(orders);
        Collections.shuffle(lineOrder, new Random(15));
        lineOrder.add(4, unknown);
        publish(new SequenceFrozen(day, 14, lineOrder, 0, 1, 3, Instant.now()));

        JsonPath all = await().atMost(Duration.ofSeconds(60)).until(() -> callOffs(PROCUREMENT, day, ""),
                days -> days.getList("$").size() == 1);
        assertThat(all.getString("[0].day")).isEqualTo(day.toString());
        assertThat(all.getList("[0].positions.position", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(all.getList("[0].positions.orderId", String.class))
                .containsExactlyElementsOf(lineOrder.stream().map(UUID::toString).toList());
        // 1:2 along the line, SKON furthest behind its share first; the unknown build is no supplier's
        assertThat(all.getList("[0].positions.supplier", String.class)).containsExactly(
                "SKON", "LGES", "SKON", "SKON", "UNALLOCATED", "LGES", "SKON", "SKON", "LGES", "SKON");
        assertThat(all.getList("[0].positions.region", String.class)).containsOnly("KR", null);

        JsonPath own = callOffs(LGES_USER, day, "&supplier=SKON"); // the filter cannot widen a supplier's view
        assertThat(own.getList("[0].positions.supplier", String.class)).containsExactly("LGES", "LGES", "LGES");
        assertThat(own.getList("[0].positions.position", Integer.class)).containsExactly(2, 6, 9);
        assertThat(callOffs(PROCUREMENT, day, "&supplier=SKON").getList("[0].positions.supplier", String.class))
                .hasSize(6).containsOnly("SKON");

        // frozen again (a re-sent event): the day's lines are replaced, not added to
        List<UUID> resent = new ArrayList<>(lineOrder);
        Collections.reverse(resent);
        publish(new SequenceFrozen(day, 14, resent, 0, 1, 3, Instant.now()));
        JsonPath replaced = await().atMost(Duration.ofSeconds(60)).until(() -> callOffs(PROCUREMENT, day, ""),
                days -> days.getString("[0].positions[0].orderId").equals(resent.get(0).toString()));
        assertThat(replaced.getList("[0].positions.orderId", String.class))
                .containsExactlyElementsOf(resent.stream().map(UUID::toString).toList());
    }

    private static JsonPath callOffs(String token, LocalDate day, String filter) {
        return as(token).get("/api/v1/call-offs?from=" + day.minusDays(1) + "&days=3" + filter).then().statusCode(200)
                .extract().jsonPath();
    }
}
