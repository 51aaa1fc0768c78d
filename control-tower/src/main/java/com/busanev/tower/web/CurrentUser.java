package com.busanev.tower.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person and what the UI offers them ({@code {inject:user.…}} in templates). Only what the role may do
 * is shown; the services enforce it anyway with the same token.
 */
@Named("user")
@RequestScoped
public class CurrentUser {
    public static final String BRAND_ORDERS = "brand-orders";
    public static final String PLANT_PLANNER = "plant-planner";
    public static final String PLANT_FLOOR = "plant-floor";
    public static final String LOGISTICS_OPERATOR = "logistics-operator";
    public static final String PROCUREMENT = "procurement";
    public static final String BATTERY_SUPPLIER = "battery-supplier";
    public static final String VIEWER = "viewer";

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public String name() {
        String name = idToken.getClaim("preferred_username");
        return name == null ? identity.getPrincipal().getName() : name;
    }

    /** The brand or supplier the person works for, from the token, or null. */
    public String organisation() {
        String brand = idToken.getClaim("brand");
        return brand != null ? brand : idToken.getClaim("supplier");
    }

    private boolean any(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean seesOrders() {
        return any(BRAND_ORDERS, VIEWER);
    }

    public boolean placesOrders() {
        return any(BRAND_ORDERS);
    }

    public boolean seesSchedule() {
        return any(PLANT_PLANNER, PLANT_FLOOR, VIEWER);
    }

    public boolean seesPlantReports() {
        return any(PLANT_PLANNER, VIEWER);
    }

    public boolean editsCalendar() {
        return any(PLANT_PLANNER);
    }

    public boolean seesContracts() {
        return any(PROCUREMENT, BATTERY_SUPPLIER, VIEWER);
    }

    public boolean seesCoverage() {
        return any(PROCUREMENT, VIEWER);
    }

    public boolean seesLogistics() {
        return any(LOGISTICS_OPERATOR, VIEWER);
    }

    /** Whether any exception is the person's to read: blocked orders, shortages or late voyages. */
    public boolean seesExceptions() {
        return seesOrders() || seesSchedule() || seesCoverage() || seesLogistics();
    }

    /** The first view this person can use: where signing in lands. */
    public String home() {
        if (seesOrders()) {
            return "/orders";
        }
        if (seesSchedule()) {
            return "/plant";
        }
        if (seesContracts()) {
            return "/supply";
        }
        return seesLogistics() ? "/logistics" : "/none";
    }
}
