package com.busanev.tower.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Today at the plant. The local run accelerates the services' clock (a plant day in seconds); the tower reads the
 * same settings (KIT_CLOCK_ACCELERATION, KIT_CLOCK_ANCHOR) so that "this week" in its views is the plant's week.
 */
@ApplicationScoped
public class PlantClock {
    /** Busan: working days and shifts are local to the plant. */
    public static final ZoneId PLANT_ZONE = ZoneId.of("Asia/Seoul");

    @ConfigMapping(prefix = "kit.clock")
    public interface Settings {
        @WithDefault("1")
        double acceleration();

        Optional<Instant> anchor();
    }

    private final double acceleration;
    private final Instant anchor;

    PlantClock(Settings settings) {
        this.acceleration = settings.acceleration();
        this.anchor = settings.anchor().orElseGet(Instant::now);
    }

    /** Now on the services' clock: what their deadlines (a voyage's departure, its ETA) are compared with. */
    public Instant now() {
        long elapsed = Duration.between(anchor, Instant.now()).toNanos();
        return anchor.plusNanos((long) (elapsed * acceleration));
    }

    public LocalDate today() {
        return now().atZone(PLANT_ZONE).toLocalDate();
    }
}
