package com.busanev.production.plan;

import java.time.LocalDate;

/**
 * One working day of the Busan line as the plan sees it: Polestar slots left after Renault's reserved volume,
 * the EV cap of the battery marriage station, and how many of each are taken.
 */
public final class LineDay {
    final LocalDate date;
    int capacity;
    int evCapacity;
    int used;
    int evUsed;

    public LineDay(LocalDate date, int capacity, int evCapacity, int used, int evUsed) {
        this.date = date;
        this.capacity = capacity;
        this.evCapacity = evCapacity;
        this.used = used;
        this.evUsed = evUsed;
    }

    boolean hasRoomForEv() {
        return used < capacity && evUsed < evCapacity;
    }

    /** Builds over what the day can take (after a calendar change cut it). */
    int excess() {
        return Math.max(used - capacity, evUsed - evCapacity);
    }

    public LocalDate date() {
        return date;
    }

    public int capacity() {
        return capacity;
    }

    public int evCapacity() {
        return evCapacity;
    }
}
