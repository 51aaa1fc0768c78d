package com.busanev.supplier.allocation;

import java.util.Set;
import java.util.TreeSet;

/**
 * The sourcing rule one market's cars impose on a pack, or several markets' rules at once ({@link #and}): cells of
 * none of the restricted origins, a carbon-footprint declaration where required, and at most the ceiling if set.
 */
public record SourcingRule(Set<String> restrictedCellOrigins, boolean requiresCarbonDeclaration, Double maxCarbonKgPerKwh) {
    public static final SourcingRule NONE = new SourcingRule(Set.of(), false, null);

    public boolean allows(SupplyLine line) {
        return allows(line.cellOrigin(), line.carbonKgPerKwh());
    }

    /** Whether packs with cells of this origin and this declared footprint (null: none) may go into the market's cars. */
    public boolean allows(String cellOrigin, Double carbonKgPerKwh) {
        return !restrictedCellOrigins.contains(cellOrigin)
                && (!requiresCarbonDeclaration || carbonKgPerKwh != null)
                && (maxCarbonKgPerKwh == null || carbonKgPerKwh != null && carbonKgPerKwh <= maxCarbonKgPerKwh);
    }

    /** What a pack must satisfy to go to cars of both markets: every restricted origin, the lower ceiling. */
    public SourcingRule and(SourcingRule other) {
        Set<String> restricted = new TreeSet<>(restrictedCellOrigins);
        restricted.addAll(other.restrictedCellOrigins);
        Double ceiling = maxCarbonKgPerKwh;
        if (ceiling == null || other.maxCarbonKgPerKwh != null && other.maxCarbonKgPerKwh < ceiling) {
            ceiling = other.maxCarbonKgPerKwh;
        }
        return new SourcingRule(Set.copyOf(restricted), requiresCarbonDeclaration || other.requiresCarbonDeclaration, ceiling);
    }

    public String explain() {
        StringBuilder text = new StringBuilder();
        if (!restrictedCellOrigins.isEmpty()) {
            text.append("cells must not originate in ").append(new TreeSet<>(restrictedCellOrigins));
        }
        if (requiresCarbonDeclaration || maxCarbonKgPerKwh != null) {
            text.append(text.isEmpty() ? "" : "; ").append("a battery carbon-footprint declaration is required");
        }
        if (maxCarbonKgPerKwh != null) {
            text.append(" at most ").append(maxCarbonKgPerKwh).append(" kg CO2e/kWh");
        }
        return text.isEmpty() ? "no restriction" : text.toString();
    }
}
