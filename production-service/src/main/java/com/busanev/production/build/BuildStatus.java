package com.busanev.production.build;

public enum BuildStatus {
    BLOCKED, SCHEDULED, IN_PRODUCTION, BUILT, CANCELLED;

    /** Holds a line slot and a pack on its planned date. */
    public boolean holdsSlot() {
        return this == SCHEDULED || this == IN_PRODUCTION || this == BUILT;
    }
}
