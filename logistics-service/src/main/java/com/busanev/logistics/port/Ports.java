package com.busanev.logistics.port;

import com.busanev.events.Markets;
import com.busanev.events.Region;
import com.busanev.logistics.port.Port.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ports of the partnership's lanes. Busan New Port is a terminal of the port of Busan (UN/LOCODE KRPUS),
 * 10 km from the plant. A car's market decides the ports it may sail to.
 */
public final class Ports {
    /**
     * Where a Korean car is delivered, in place of a port in ShipmentBooked and ShipmentArrived: the market's
     * ISO 3166 country code, not a UN/LOCODE, since a truck goes to the dealer and not to a port.
     */
    public static final String DOMESTIC = "KR";
    public static final Port BUSAN_NEW_PORT = new Port("KRPUS", "Busan New Port", "KR", Region.KR, Role.ORIGIN);
    public static final List<Port> ALL = List.of(
            BUSAN_NEW_PORT,
            new Port("USLGB", "Long Beach", "US", Region.NA, Role.DESTINATION),
            new Port("USBAL", "Baltimore", "US", Region.NA, Role.DESTINATION),
            new Port("CAVAN", "Vancouver", "CA", Region.NA, Role.DESTINATION),
            new Port("FRLEH", "Le Havre", "FR", Region.EU, Role.DESTINATION),
            new Port("BEZEE", "Zeebrugge", "BE", Region.EU, Role.DESTINATION),
            new Port("DEBRV", "Bremerhaven", "DE", Region.EU, Role.DESTINATION));

    private Ports() {
    }

    public static Optional<Port> find(String locode) {
        return ALL.stream().filter(p -> p.locode().equals(locode)).findFirst();
    }

    public static boolean isDestination(String locode) {
        return find(locode).filter(p -> p.role() == Role.DESTINATION).isPresent();
    }

    /** Destination ports a car for this market may sail to (the event contract's); empty for Korea and any market not served. */
    public static Set<String> destinationsFor(String market) {
        return Markets.destinationPorts(market);
    }
}
