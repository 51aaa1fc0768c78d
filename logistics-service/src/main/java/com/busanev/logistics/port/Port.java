package com.busanev.logistics.port;

import com.busanev.events.Region;

/** A port of the Busan export lanes, by UN/LOCODE. */
public record Port(String locode, String name, String country, Region region, Role role) {
    public enum Role {
        ORIGIN, DESTINATION
    }
}
