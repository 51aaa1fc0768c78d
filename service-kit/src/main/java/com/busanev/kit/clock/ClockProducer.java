package com.busanev.kit.clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock of a service; only the local run accelerates it. */
public class ClockProducer {
    /** Busan plant time: working days and shifts are local to the plant. */
    public static final ZoneId PLANT_ZONE = ZoneId.of("Asia/Seoul");

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "kit.clock.acceleration", defaultValue = "1") double acceleration,
            @ConfigProperty(name = "kit.clock.anchor") Optional<Instant> anchor) {
        return new AcceleratedClock(Clock.systemUTC(), anchor.orElseGet(Instant::now), acceleration, PLANT_ZONE);
    }
}
