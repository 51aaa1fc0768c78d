package com.busanev.events;

import java.util.Optional;
import java.util.Set;

/** Markets (ISO 3166-1 alpha-2) the Polestar 4 is sold in from Busan, and their region. */
public final class Markets {
    public static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    public static final Set<String> NA = Set.of("US", "CA");
    public static final Set<String> KR = Set.of("KR");

    private Markets() {
    }

    public static Optional<Region> regionOf(String market) {
        if (market == null) {
            return Optional.empty();
        }
        if (NA.contains(market)) {
            return Optional.of(Region.NA);
        }
        if (EU.contains(market)) {
            return Optional.of(Region.EU);
        }
        if (KR.contains(market)) {
            return Optional.of(Region.KR);
        }
        return Optional.empty();
    }

    public static boolean isKnown(String market) {
        return regionOf(market).isPresent();
    }
}
