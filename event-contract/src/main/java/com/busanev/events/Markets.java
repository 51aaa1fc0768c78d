package com.busanev.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Markets (ISO 3166-1 alpha-2) the Polestar 4 is sold in from Busan, their region, and the ports (UN/LOCODE) their
 * cars sail to: order-service tells partners, logistics-service books by it.
 */
public final class Markets {
    public static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    public static final Set<String> NA = Set.of("US", "CA");
    public static final Set<String> KR = Set.of("KR");

    /** North American cars land in their own country; European cars in any EU gateway, onward by road or rail. */
    private static final Map<String, Set<String>> PORTS_BY_COUNTRY = Map.of(
            "US", Set.of("USLGB", "USBAL"),
            "CA", Set.of("CAVAN"));
    private static final Set<String> EU_GATEWAYS = Set.of("FRLEH", "BEZEE", "DEBRV");

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

    /** Destination ports a car for this market may sail to; empty for Korea (trucks) and any market not served. */
    public static Set<String> destinationPorts(String market) {
        if (PORTS_BY_COUNTRY.containsKey(market)) {
            return PORTS_BY_COUNTRY.get(market);
        }
        return EU.contains(market) ? EU_GATEWAYS : Set.of();
    }

    public static boolean isKnown(String market) {
        return regionOf(market).isPresent();
    }
}
