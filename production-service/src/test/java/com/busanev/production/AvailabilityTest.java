package com.busanev.production;

import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;

import com.busanev.events.BuildScheduled;
import com.busanev.events.EventJson;
import com.busanev.events.IsoWeek;
import com.busanev.events.LineAvailability;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The line's availability snapshot follows the plan: packs allocated show as room, a scheduled build takes one. Runs
 * after the tests without an order, as ChangeSagaTest does, for the packs it leaves.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class AvailabilityTest {
    @Test
    void theSnapshotOfARegionFollowsItsPacksAndBuilds() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(25);
        publish(new PacksAllocated(week.toString(), Region.NA, 7, List.of(), Instant.now()));
        awaitRoom(week, 7);
        awaitEvent(placed("US", Region.NA, week.toString()), BuildScheduled.class);
        awaitRoom(week, 6);
    }

    private static void awaitRoom(IsoWeek week, int free) {
        LineAvailability.WeekRoom expected = new LineAvailability.WeekRoom(week.toString(), free);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var records = CloudEventRecords.all(Topics.PRODUCTION_EVENTS, "availability/NA", Duration.ofSeconds(2));
            return !records.isEmpty() && read(records.get(records.size() - 1).value()).weeks().contains(expected);
        });
    }

    private static LineAvailability read(String json) {
        try {
            return EventJson.mapper().readValue(json, LineAvailability.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
