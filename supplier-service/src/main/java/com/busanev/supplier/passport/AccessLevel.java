package com.busanev.supplier.passport;

import com.busanev.events.Roles;
import com.busanev.kit.security.Caller;
import com.busanev.supplier.stock.Pack;

/**
 * How much of a battery passport a caller reads (EU 2023/1542 Annex XIII): the public part (point 1), plus what persons
 * with a legitimate interest read (point 2: authorities, notified bodies, recyclers), plus the business data of the
 * parties to the pack (its manufacturer, the brand of its car, procurement): where it came from and which car it is in.
 */
public enum AccessLevel {
    PUBLIC, RESTRICTED, FULL;

    /** The most the caller may read of the pack's passport. */
    static AccessLevel of(Caller caller, Pack pack) {
        if (caller.anonymous()) {
            return PUBLIC;
        }
        boolean party = caller.hasRole(Roles.PROCUREMENT) || caller.hasRole(Roles.VIEWER)
                || caller.hasRole(Roles.BATTERY_SUPPLIER) && caller.supplier().filter(pack.supplierCode::equals).isPresent()
                || caller.hasRole(Roles.BRAND_ORDERS) && pack.brand != null && caller.brand().filter(pack.brand::equals).isPresent();
        return party ? FULL : caller.hasRole(Roles.BATTERY_AUTHORITY) ? RESTRICTED : PUBLIC;
    }

    boolean includes(AccessLevel other) {
        return compareTo(other) >= 0;
    }
}
