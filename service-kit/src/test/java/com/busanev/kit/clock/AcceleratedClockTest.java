package com.busanev.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AcceleratedClockTest {
    private static final Instant ANCHOR = Instant.parse("2027-01-04T00:00:00Z");

    @Test
    void runsFactorTimesFasterFromTheAnchor() {
        Clock wall = Clock.fixed(ANCHOR.plusSeconds(2), ZoneOffset.UTC);
        AcceleratedClock clock = new AcceleratedClock(wall, ANCHOR, 43_200, ClockProducer.PLANT_ZONE);
        assertThat(clock.instant()).isEqualTo(ANCHOR.plus(Duration.ofDays(1)));
    }

    @Test
    void factorOneIsTheWallClock() {
        Clock wall = Clock.fixed(ANCHOR.plusSeconds(90), ZoneOffset.UTC);
        assertThat(new AcceleratedClock(wall, ANCHOR, 1, ZoneOffset.UTC).instant()).isEqualTo(wall.instant());
    }

    @Test
    void twoServicesWithTheSameAnchorAgree() {
        Clock wall = Clock.fixed(ANCHOR.plusMillis(1500), ZoneOffset.UTC);
        assertThat(new AcceleratedClock(wall, ANCHOR, 1000, ZoneOffset.UTC).instant())
                .isEqualTo(new AcceleratedClock(wall, ANCHOR, 1000, ClockProducer.PLANT_ZONE).instant());
    }

    @Test
    void refusesANonPositiveFactor() {
        assertThatThrownBy(() -> new AcceleratedClock(Clock.systemUTC(), ANCHOR, 0, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
