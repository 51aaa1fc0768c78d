package com.busanev.supplier.allocation;

import com.busanev.events.Markets;
import com.busanev.events.Region;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which packs may go into a car of each market (application.properties, {@code supplier.sourcing.*}). A rule set
 * for a region ({@code region.<NA|EU|KR>.*}) applies to every market of it; a market ({@code market.<ISO code>.*})
 * may set any part of the rule itself, which then replaces the region's. Allocations are weekly per region, so a
 * region's allocation of a week satisfies the rules of every market with demand in that week at once.
 */
@ConfigMapping(prefix = "supplier.sourcing")
public interface SourcingRules {
    /** Rules for every market of a region, by region code. */
    Map<String, Rule> region();

    /** Rules of single markets, by ISO 3166-1 alpha-2 code; each part set here replaces the region's. */
    Map<String, Rule> market();

    interface Rule {
        /** Cell origins (ISO country codes) the market's cars may not carry. */
        Optional<Set<String>> restrictedCellOrigins();

        /** Whether the contract must declare the battery's carbon footprint. */
        Optional<Boolean> requiresCarbonDeclaration();

        /** A ceiling on the declared footprint, kg CO2e per kWh. */
        Optional<Double> maxCarbonKgPerKwh();
    }

    /** The rule of one market of the region: the region's, with each part the market sets itself replaced. */
    default SourcingRule of(Region region, String market) {
        Optional<Rule> regional = Optional.ofNullable(region().get(region.name()));
        Optional<Rule> own = Optional.ofNullable(market == null ? null : market().get(market));
        return new SourcingRule(
                own.flatMap(Rule::restrictedCellOrigins).or(() -> regional.flatMap(Rule::restrictedCellOrigins)).orElse(Set.of()),
                own.flatMap(Rule::requiresCarbonDeclaration).or(() -> regional.flatMap(Rule::requiresCarbonDeclaration)).orElse(false),
                own.flatMap(Rule::maxCarbonKgPerKwh).or(() -> regional.flatMap(Rule::maxCarbonKgPerKwh)).orElse(null));
    }

    /** Every market of the region at once: what a pack must satisfy to go to any car of the region. */
    default SourcingRule strictest(Region region) {
        SourcingRule rule = of(region, null);
        for (String market : market().keySet()) {
            if (Markets.regionOf(market).filter(region::equals).isPresent()) {
                rule = rule.and(of(region, market));
            }
        }
        return rule;
    }

    /** Every market (of {@link Markets}) whose rule packs of this cell origin and declared footprint satisfy, sorted. */
    default List<String> marketsAllowing(String cellOrigin, Double carbonKgPerKwh) {
        return Stream.of(Markets.NA, Markets.EU, Markets.KR).flatMap(Set::stream)
                .filter(market -> of(Markets.regionOf(market).orElseThrow(), market).allows(cellOrigin, carbonKgPerKwh))
                .sorted().toList();
    }

    /**
     * The rule a region's allocation of a week must satisfy: that of every market with demand in the week (the
     * strictest applies); with no demand, or demand of an unknown market, the region's strictest.
     */
    default SourcingRule forMarkets(Region region, Set<String> markets) {
        if (markets.isEmpty() || markets.stream().anyMatch(Objects::isNull)) {
            return strictest(region);
        }
        return markets.stream().map(market -> of(region, market)).reduce(SourcingRule::and).orElseThrow();
    }
}
