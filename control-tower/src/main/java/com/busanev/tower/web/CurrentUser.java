package com.busanev.tower.web;

import com.busanev.events.Roles;
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
        return any(Roles.BRAND_ORDERS, Roles.VIEWER);
    }

    public boolean placesOrders() {
        return any(Roles.BRAND_ORDERS);
    }

    public boolean seesSchedule() {
        return any(Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER);
    }

    public boolean seesPlantReports() {
        return any(Roles.PLANT_PLANNER, Roles.VIEWER);
    }

    public boolean editsCalendar() {
        return any(Roles.PLANT_PLANNER);
    }

    public boolean seesContracts() {
        return any(Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER, Roles.VIEWER);
    }

    /** A battery supplier acknowledges its contracts' delivery schedules; procurement and viewers only read them. */
    public boolean acknowledgesSchedules() {
        return any(Roles.BATTERY_SUPPLIER);
    }

    public boolean seesCoverage() {
        return any(Roles.PROCUREMENT, Roles.VIEWER);
    }

    /** The viewer reads what every service parks for an operator (the kit's GET /api/v1/ops/parked). */
    public boolean seesParkedEvents() {
        return any(Roles.VIEWER);
    }

    public boolean seesLogistics() {
        return any(Roles.LOGISTICS_OPERATOR, Roles.VIEWER);
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
