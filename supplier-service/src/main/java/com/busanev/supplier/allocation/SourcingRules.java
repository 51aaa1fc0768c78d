package com.busanev.supplier.allocation;

import com.busanev.events.Region;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/**
 * Which packs may go into a car of each region (application.properties, {@code supplier.sourcing.*}):
 * North America refuses cells of restricted origins; Europe needs a battery carbon-footprint declaration,
 * optionally under a ceiling; Korea has no rule.
 */
@ConfigMapping(prefix = "supplier.sourcing")
public interface SourcingRules {
    @WithDefault("CN")
    Set<String> naRestrictedCellOrigins();

    @WithDefault("true")
    boolean euRequiresCarbonDeclaration();

    Optional<Double> euMaxCarbonKgPerKwh();

    default boolean allows(Region region, SupplyLine line) {
        return switch (region) {
            case NA -> !naRestrictedCellOrigins().contains(line.cellOrigin());
            case EU -> (!euRequiresCarbonDeclaration() || line.carbonKgPerKwh() != null)
                    && euMaxCarbonKgPerKwh().map(max -> line.carbonKgPerKwh() != null && line.carbonKgPerKwh() <= max).orElse(true);
            case KR -> true;
        };
    }

    default String explain(Region region) {
        return switch (region) {
            case NA -> "cells must not originate in " + naRestrictedCellOrigins();
            case EU -> "a battery carbon-footprint declaration is required"
                    + euMaxCarbonKgPerKwh().map(max -> " at most " + max + " kg CO2e/kWh").orElse("");
            case KR -> "no restriction";
        };
    }
}
