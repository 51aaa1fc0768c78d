package com.busanev.logistics.passport;

import com.busanev.events.Region;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rule: a built car of a region that requires a battery passport ({@link PassportConfig}) is booked only once
 * its passport is known and complete, from the plant date the duty applies. Judged at booking, by the plant clock.
 */
@ApplicationScoped
public class PassportDuty {
    static final String NOT_ISSUED = "battery passport not yet issued";
    static final String INCOMPLETE = "battery passport incomplete";

    private final PassportConfig config;
    private final Clock clock;

    PassportDuty(PassportConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether a car of this region needs a complete passport to be booked today. */
    public boolean applies(Region region) {
        return config.requiredRegions().contains(region) && !LocalDate.now(clock).isBefore(config.requiredFrom());
    }

    /** Why a car of this region with this passport (null: none issued yet) may not be booked today; empty if it may. */
    public Optional<String> holdReason(Region region, BatteryPassport passport) {
        if (!applies(region) || passport != null && passport.complete) {
            return Optional.empty();
        }
        if (passport == null) {
            return Optional.of(NOT_ISSUED);
        }
        return Optional.of(passport.missing.length == 0 ? INCOMPLETE
                : INCOMPLETE + ": missing " + String.join(", ", passport.missing));
    }
}
