package com.busanev.production.plan;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import java.time.LocalDate;

/** The outcome of slotting one build: a day, or why none exists (and the week the blocker is in). */
public sealed interface Slot {
    record Scheduled(LocalDate date) implements Slot {
    }

    record Blocked(BlockReason reason, IsoWeek week, String detail) implements Slot {
    }
}
