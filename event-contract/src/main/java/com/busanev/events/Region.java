package com.busanev.events;

/** Sales region of a car: decides pack sourcing rules and the destination port. */
public enum Region {
    NA, EU, KR
}
