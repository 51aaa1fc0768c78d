package com.busanev.kit.security;

import com.busanev.events.Roles;
import com.busanev.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The partner behind a request, from its verified token only (never from the body): the brand claim of a
 * brand's users and clients, the supplier claim of a battery supplier's.
 */
@RequestScoped
public class Caller {
    public static final String BRAND_CLAIM = "brand";
    public static final String SUPPLIER_CLAIM = "supplier";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** True for a request without a token (a bad token never gets this far: it is a 401 at once). */
    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> brand() {
        return claim(BRAND_CLAIM);
    }

    public Optional<String> supplier() {
        return claim(SUPPLIER_CLAIM);
    }

    /** The brand a {@code brand-orders} caller acts for; a token without one is refused, not guessed. */
    public String requireBrand() {
        return brand().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "The token carries no '" + BRAND_CLAIM + "' claim.", java.util.List.of()));
    }

    /** Whose orders the caller may see: none (every brand) for a viewer, otherwise the brand it acts for. */
    public Optional<String> brandScope() {
        return hasRole(Roles.VIEWER) ? Optional.empty() : Optional.of(requireBrand());
    }

    /**
     * Whose supply the caller may see: none (every supplier) for procurement, plant planners and viewers, otherwise the
     * supplier it acts for (an endpoint's roles decide who may call it at all).
     */
    public Optional<String> supplierScope() {
        return hasRole(Roles.PROCUREMENT) || hasRole(Roles.PLANT_PLANNER) || hasRole(Roles.VIEWER) ? Optional.empty()
                : Optional.of(requireSupplier());
    }

    /** The supplier a {@code battery-supplier} caller acts for. */
    public String requireSupplier() {
        return supplier().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "The token carries no '" + SUPPLIER_CLAIM + "' claim.", java.util.List.of()));
    }

    private Optional<String> claim(String name) {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", "")).filter(s -> !s.isBlank());
    }
}
