package com.busanev.production;

import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.changeCalendar;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Blocked orders do not starve behind a first batch of the backlog that never fits. Tests re-slot in batches of
 * two, every second (application.properties, %test).
 */
@QuarkusTest
class BlockedBacklogTest {

    @Test
    void thePeriodicRetryReachesOrdersBehindABatchThatNeverFits() throws IOException {
        IsoWeek thisWeek = IsoWeek.of(LocalDate.now(PLANT));
        // Two urgent orders for a week no horizon reaches head the KR backlog: they fill every first batch.
        String unreachable = thisWeek.plusWeeks(100).toString();
        for (int i = 0; i < 2; i++) {
            assertThat(awaitEvent(placed("KR", Region.KR, unreachable, 9), BuildBlocked.class).reason())
                    .isEqualTo(BlockReason.NO_CAPACITY);
        }
        IsoWeek later = thisWeek.plusWeeks(30);
        publish(new PacksAllocated(later.toString(), Region.KR, 5, List.of(), Instant.now()));
        UUID waiting = placed("KR", Region.KR, later.toString(), 0);
        assertThat(awaitEvent(waiting, BuildBlocked.class).reason()).isEqualTo(BlockReason.NO_CAPACITY);

        // A longer horizon makes room; the change itself retries only the head of the backlog.
        ObjectNode original = changeCalendar(calendar -> calendar.put("horizonWeeks", 40));
        try {
            assertThat(awaitEvent(waiting, BuildScheduled.class).week()).isEqualTo(later.toString());
        } finally {
            changeCalendar(calendar -> calendar.setAll(original));
        }
    }
}
