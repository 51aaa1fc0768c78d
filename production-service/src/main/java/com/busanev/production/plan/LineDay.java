package com.busanev.production.plan;

import java.time.LocalDate;

/**
 * One working day of the Busan line from the calendar: Polestar slots left after Renault's reserved volume and the
 * EV cap of the battery marriage station. How many are taken is the plan's business ({@link LinePlan}).
 */
public record LineDay(LocalDate date, int capacity, int evCapacity) {
    /** Builds the day can take: every Polestar 4 needs a line slot and an EV slot. */
    int room() {
        return Math.min(capacity, evCapacity);
    }
}
