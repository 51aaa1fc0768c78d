package com.busanev.kit.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Plant time that runs {@code factor} times faster than wall time from {@code anchor} on. With factor 1 it is
 * the system clock. The local run gives every service the same anchor, so they agree on the time.
 */
public final class AcceleratedClock extends Clock {
    private final Clock wall;
    private final Instant anchor;
    private final double factor;
    private final ZoneId zone;

    public AcceleratedClock(Clock wall, Instant anchor, double factor, ZoneId zone) {
        if (factor <= 0) {
            throw new IllegalArgumentException("clock acceleration must be positive: " + factor);
        }
        this.wall = wall;
        this.anchor = anchor;
        this.factor = factor;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        if (factor == 1.0) {
            return wall.instant();
        }
        long elapsedNanos = Duration.between(anchor, wall.instant()).toNanos();
        return anchor.plusNanos((long) (elapsedNanos * factor));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AcceleratedClock(wall, anchor, factor, zone);
    }

    public double factor() {
        return factor;
    }
}
