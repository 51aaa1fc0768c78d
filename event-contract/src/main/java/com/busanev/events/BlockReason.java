package com.busanev.events;

public enum BlockReason {
    /** No battery pack allocated for the car's region in any week with free line capacity. */
    NO_PACKS,
    /** No line capacity (or EV share) left in the planning horizon from the requested week on. */
    NO_CAPACITY
}
