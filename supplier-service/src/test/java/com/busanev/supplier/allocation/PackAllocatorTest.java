package com.busanev.supplier.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.Markets;
import com.busanev.events.PackSource;
import com.busanev.events.Region;
import com.busanev.supplier.allocation.PackAllocator.Headroom;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The allocator under the service's own sourcing rules, read from its application.properties. */
class PackAllocatorTest {
    private static final UUID LGES = UUID.randomUUID();
    private static final UUID CATL = UUID.randomUUID();
    private static final UUID SDI = UUID.randomUUID();
    private static final SourcingRules RULES = rules(Map.of());
    /** The region's usual market: a US car, a German one, a Korean one. */
    private static final BiPredicate<Region, SupplyLine> USUAL_MARKETS = (region, line) -> RULES.forMarkets(region,
            Set.of(switch (region) {
                case NA -> "US";
                case EU -> "DE";
                case KR -> "KR";
            })).allows(line);

    @Test
    void cheapestCompliantSupplyFirstWithinEachRegionsRules() {
        List<SupplyLine> supply = List.of(
                new SupplyLine(LGES, "LGES", 100, 9_000, "KR", 60.0),
                new SupplyLine(CATL, "CATL", 100, 7_000, "CN", null));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 20, Region.EU, 5, Region.KR, 30), supply, USUAL_MARKETS, Headroom.none());
        assertThat(result.get(Region.NA).sources()).containsExactly(new PackSource(LGES, "LGES", 20));
        assertThat(result.get(Region.EU).sources()).containsExactly(new PackSource(LGES, "LGES", 5));
        assertThat(result.get(Region.KR).sources()).containsExactly(new PackSource(CATL, "CATL", 30));
    }

    @Test
    void realDemandOfEveryRegionComesBeforeAnyHeadroom() {
        List<SupplyLine> supply = List.of(new SupplyLine(SDI, "SDI", 15, 8_000, "KR", 55.0));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 5, Region.EU, 10), supply, USUAL_MARKETS, headroomFor(Region.NA, Region.EU, Region.KR));
        assertThat(result.get(Region.NA).packs()).isEqualTo(5);
        assertThat(result.get(Region.EU).packs()).isEqualTo(10);
    }

    @Test
    void aPackTwoRegionsMayTakeGoesToTheOneWithoutAnotherOption() {
        UUID declared = UUID.randomUUID();
        UUID undeclared = UUID.randomUUID();
        List<SupplyLine> supply = List.of(
                new SupplyLine(declared, "SKON", 10, 8_000, "KR", 55.0),
                new SupplyLine(undeclared, "LGES", 10, 9_000, "KR", null));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 10, Region.EU, 10), supply, USUAL_MARKETS, headroomFor(Region.NA, Region.EU));
        assertThat(result.get(Region.NA).sources()).containsExactly(new PackSource(undeclared, "LGES", 10));
        assertThat(result.get(Region.EU).sources()).containsExactly(new PackSource(declared, "SKON", 10));
    }

    @Test
    void demandBeyondSupplyShowsAsAShortfall() {
        List<SupplyLine> supply = List.of(new SupplyLine(SDI, "SDI", 10, 8_000, "KR", 55.0));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 8, Region.EU, 8), supply, USUAL_MARKETS, Headroom.none());
        assertThat(result.get(Region.NA).packs() + result.get(Region.EU).packs()).isEqualTo(10);
        assertThat(result.get(Region.KR).packs()).isZero();
    }

    @Test
    void theRestOfTheSupplyIsHeadroomForTheRegionsWithDemandUnderTheirStrictestRule() {
        List<SupplyLine> supply = List.of(new SupplyLine(CATL, "CATL", 100, 7_000, "CN", null));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.KR, 3), supply, USUAL_MARKETS, headroomFor(Region.NA, Region.KR));
        assertThat(result.get(Region.NA).packs()).isZero(); // no Chinese cells for a US car, whatever the share
        assertThat(result.get(Region.KR).packs()).isEqualTo(100);
        assertThat(result.get(Region.EU).packs()).isZero(); // no demand in the horizon: no headroom
    }

    @Test
    void headroomIsSplitByTheSharesAlsoForARegionWithNoDemandThisWeek() {
        List<SupplyLine> supply = List.of(new SupplyLine(SDI, "SDI", 100, 8_000, "KR", 55.0));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 10), supply, USUAL_MARKETS, headroomFor(Region.NA, Region.EU));
        // 90 left: NA 0.6 and EU 0.3 of it (54 and 27), the 9 a share leaves go to whoever may take them
        assertThat(result.get(Region.NA).packs()).isBetween(10 + 54, 10 + 54 + 9);
        assertThat(result.get(Region.EU).packs()).isBetween(27, 27 + 9);
        assertThat(result.get(Region.NA).packs() + result.get(Region.EU).packs()).isEqualTo(100);
        assertThat(result.get(Region.KR).packs()).isZero();
    }

    @Test
    void anotherRegionsRealDemandTakesHeadroomBackButNeverWhatARegionsDemandHolds() {
        List<SupplyLine> supply = List.of(new SupplyLine(SDI, "SDI", 20, 8_000, "KR", 55.0));
        PackAllocator.Headroom headroom = headroomFor(Region.NA, Region.EU);
        Map<Region, PackAllocator.Allocation> before = PackAllocator.allocate(Map.of(Region.NA, 5), supply,
                USUAL_MARKETS, headroom);
        assertThat(before.get(Region.NA).packs()).isEqualTo(5 + 10);
        assertThat(before.get(Region.EU).packs()).isEqualTo(5);

        Map<Region, PackAllocator.Allocation> after = PackAllocator.allocate(Map.of(Region.NA, 5, Region.EU, 14), supply,
                USUAL_MARKETS, headroom);
        assertThat(after.get(Region.EU).packs()).isGreaterThanOrEqualTo(14);
        assertThat(after.get(Region.NA).packs()).isGreaterThanOrEqualTo(5);
        assertThat(after.get(Region.NA).packs() + after.get(Region.EU).packs()).isEqualTo(20);
    }

    @Test
    void splitsAcrossContractsWhenTheCheapestRunsOut() {
        List<SupplyLine> supply = List.of(
                new SupplyLine(LGES, "LGES", 5, 9_000, "KR", 60.0),
                new SupplyLine(SDI, "SDI", 5, 8_000, "KR", 55.0));
        PackAllocator.Allocation na = PackAllocator.allocate(Map.of(Region.NA, 7), supply, USUAL_MARKETS, Headroom.none()).get(Region.NA);
        assertThat(na.sources()).containsExactly(new PackSource(SDI, "SDI", 5), new PackSource(LGES, "LGES", 2));
    }

    @Test
    void theRulesAreTheMarketsWithDemandThatWeek() {
        SupplyLine chinese = new SupplyLine(CATL, "CATL", 10, 7_000, "CN", null);
        assertThat(RULES.forMarkets(Region.NA, Set.of("CA")).allows(chinese)).isTrue();
        assertThat(RULES.forMarkets(Region.NA, Set.of("CA", "US")).allows(chinese)).isFalse();
        assertThat(RULES.forMarkets(Region.NA, Set.of()).allows(chinese)).isFalse(); // no demand: the strictest
        assertThat(RULES.forMarkets(Region.EU, Set.of("FR")).allows(chinese)).isFalse();
        assertThat(RULES.forMarkets(Region.KR, Set.of("KR")).allows(chinese)).isTrue();

        // A market may tighten its region's rule; the region's allocation then meets it whenever that market has demand.
        SourcingRules ceilingInFrance = rules(Map.of("supplier.sourcing.market.FR.max-carbon-kg-per-kwh", "60"));
        SupplyLine declared70 = new SupplyLine(LGES, "LGES", 10, 9_000, "KR", 70.0);
        assertThat(ceilingInFrance.forMarkets(Region.EU, Set.of("DE")).allows(declared70)).isTrue();
        assertThat(ceilingInFrance.forMarkets(Region.EU, Set.of("DE", "FR")).allows(declared70)).isFalse();
        assertThat(ceilingInFrance.of(Region.EU, "FR").requiresCarbonDeclaration()).isTrue(); // the region's part stays
    }

    /** Random weeks: every pack allocated satisfies the rule of every market with demand in its region. */
    @Test
    void everyAllocatedPackSatisfiesItsMarketsRuleOverRandomWeeks() {
        Random random = new Random(20270105);
        List<String> markets = List.of("US", "CA", "DE", "FR", "PL", "KR");
        List<String> origins = List.of("KR", "CN", "PL", "US");
        for (int week = 0; week < 500; week++) {
            List<SupplyLine> supply = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                supply.add(new SupplyLine(UUID.randomUUID(), "S" + i, random.nextInt(40), 5_000 + random.nextInt(5_000),
                        origins.get(random.nextInt(origins.size())), random.nextBoolean() ? null : 30.0 + random.nextInt(60)));
            }
            Map<Region, Integer> demand = new EnumMap<>(Region.class);
            Map<Region, Set<String>> withDemand = new EnumMap<>(Region.class);
            for (String market : markets) {
                int cars = random.nextInt(3) == 0 ? 0 : random.nextInt(30);
                if (cars > 0) {
                    Region region = Markets.regionOf(market).orElseThrow();
                    demand.merge(region, cars, Integer::sum);
                    withDemand.computeIfAbsent(region, r -> new HashSet<>()).add(market);
                }
            }
            Set<Region> anticipated = new HashSet<>(demand.keySet());
            Arrays.stream(Region.values()).filter(region -> random.nextInt(4) == 0).forEach(anticipated::add);
            Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(demand, supply,
                    (region, line) -> RULES.forMarkets(region, withDemand.getOrDefault(region, Set.of())).allows(line),
                    headroomFor(anticipated.toArray(Region[]::new)));

            Map<UUID, SupplyLine> lines = new HashMap<>();
            supply.forEach(line -> lines.put(line.contractId(), line));
            Map<UUID, Integer> taken = new HashMap<>();
            for (Region region : Region.values()) {
                PackAllocator.Allocation allocation = result.get(region);
                int wanted = demand.getOrDefault(region, 0);
                if (!anticipated.contains(region)) {
                    assertThat(allocation.packs()).isLessThanOrEqualTo(wanted);
                }
                for (PackSource source : allocation.sources()) {
                    SupplyLine line = lines.get(source.contractId());
                    for (String market : withDemand.getOrDefault(region, Set.of())) {
                        assertThat(RULES.of(region, market).allows(line)).as("%s for a %s car", line, market).isTrue();
                    }
                    taken.merge(source.contractId(), source.packs(), Integer::sum);
                }
                // A region with headroom: no pack its strictest rule allows is left over.
                if (anticipated.contains(region)) {
                    for (SupplyLine line : supply) {
                        assertThat(RULES.strictest(region).allows(line) && leftOver(result, line) > 0)
                                .as("%s left while %s has headroom", line, region).isFalse();
                    }
                }
                // A region left short of its real demand: no pack it may take is left over.
                if (allocation.packs() < wanted) {
                    for (SupplyLine line : supply) {
                        boolean allowed = withDemand.get(region).stream().allMatch(m -> RULES.of(region, m).allows(line));
                        assertThat(allowed && leftOver(result, line) > 0).as("%s left while %s is short", line, region).isFalse();
                    }
                }
            }
            taken.forEach((contract, packs) -> assertThat(packs).isLessThanOrEqualTo(lines.get(contract).packs()));
        }
    }

    /** Headroom for these regions, split by the plan's shares, each region under its strictest rule. */
    private static PackAllocator.Headroom headroomFor(Region... regions) {
        Map<Region, Double> shares = new EnumMap<>(Region.class);
        for (Region region : regions) {
            shares.put(region, switch (region) {
                case NA -> 0.6;
                case EU -> 0.3;
                case KR -> 0.1;
            });
        }
        return new PackAllocator.Headroom(shares, (region, line) -> RULES.strictest(region).allows(line));
    }

    private static int leftOver(Map<Region, PackAllocator.Allocation> result, SupplyLine line) {
        int used = result.values().stream().flatMap(a -> a.sources().stream())
                .filter(s -> s.contractId().equals(line.contractId())).mapToInt(PackSource::packs).sum();
        return line.packs() - used;
    }

    /** The sourcing rules of application.properties, with these properties on top. */
    private static SourcingRules rules(Map<String, String> overrides) {
        try {
            return new SmallRyeConfigBuilder()
                    .withMapping(SourcingRules.class)
                    .withSources(new PropertiesConfigSource(PackAllocatorTest.class.getResource("/application.properties"), 100))
                    .withSources(new PropertiesConfigSource(overrides, "overrides", 200))
                    .build().getConfigMapping(SourcingRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
