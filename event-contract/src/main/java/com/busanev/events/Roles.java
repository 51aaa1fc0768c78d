package com.busanev.events;

/**
 * Realm roles of {@code ev-partnership} (see local-stack/src/main/resources/realm/ev-partnership-realm.json): part of
 * the contract between the services and their callers, so the services and the control tower name them alike.
 */
public final class Roles {
    public static final String BRAND_ORDERS = "brand-orders";
    public static final String PLANT_PLANNER = "plant-planner";
    public static final String PLANT_FLOOR = "plant-floor";
    public static final String LOGISTICS_OPERATOR = "logistics-operator";
    public static final String PROCUREMENT = "procurement";
    public static final String BATTERY_SUPPLIER = "battery-supplier";
    public static final String VIEWER = "viewer";
    /** Market surveillance authorities, notified bodies and recyclers: the restricted part of a battery passport. */
    public static final String BATTERY_AUTHORITY = "battery-authority";

    private Roles() {
    }
}
