package com.busanev.events;

public enum TransportMode {
    /** Roll-on/roll-off car carrier; capacity counted in cars. */
    RO_RO,
    /** 40 ft container on tilt racks holding 3 cars. */
    CONTAINER,
    /** Domestic Korean delivery by truck. */
    TRUCK
}
