package com.busanev.supplier.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.PackSource;
import com.busanev.events.Region;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class PackAllocatorTest {
    private static final UUID LGES = UUID.randomUUID();
    private static final UUID CATL = UUID.randomUUID();
    private static final UUID SDI = UUID.randomUUID();
    /** NA refuses Chinese cells, EU needs a carbon declaration. */
    private static final BiPredicate<Region, SupplyLine> RULES = (region, line) -> switch (region) {
        case NA -> !line.cellOrigin().equals("CN");
        case EU -> line.carbonKgPerKwh() != null;
        case KR -> true;
    };

    @Test
    void cheapestCompliantSupplyFirstWithinEachRegionsRules() {
        List<SupplyLine> supply = List.of(
                new SupplyLine(LGES, "LGES", 100, 9_000, "KR", 60.0),
                new SupplyLine(CATL, "CATL", 100, 7_000, "CN", null));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 20, Region.EU, 5, Region.KR, 30), supply, 0, RULES);
        assertThat(result.get(Region.NA).sources()).containsExactly(new PackSource(LGES, "LGES", 20));
        assertThat(result.get(Region.EU).sources()).containsExactly(new PackSource(LGES, "LGES", 5));
        assertThat(result.get(Region.KR).sources()).containsExactly(new PackSource(CATL, "CATL", 30));
    }

    @Test
    void theMostConstrainedRegionIsServedFirstAndShortagesShow() {
        List<SupplyLine> supply = List.of(new SupplyLine(SDI, "SDI", 10, 8_000, "KR", 55.0));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 8, Region.EU, 8), supply, 0, RULES);
        assertThat(result.get(Region.NA).packs()).isEqualTo(8);
        assertThat(result.get(Region.EU).packs()).isEqualTo(2);
        assertThat(result.get(Region.KR).packs()).isZero();
    }

    @Test
    void headroomOnlyWhereThereIsDemandAndNeverNonCompliantPacks() {
        List<SupplyLine> supply = List.of(new SupplyLine(CATL, "CATL", 100, 7_000, "CN", null));
        Map<Region, PackAllocator.Allocation> result = PackAllocator.allocate(
                Map.of(Region.NA, 3, Region.KR, 3), supply, 10, RULES);
        assertThat(result.get(Region.NA).packs()).isZero();
        assertThat(result.get(Region.KR).packs()).isEqualTo(13);
        assertThat(result.get(Region.EU).packs()).isZero();
    }

    @Test
    void splitsAcrossContractsWhenTheCheapestRunsOut() {
        List<SupplyLine> supply = List.of(
                new SupplyLine(LGES, "LGES", 5, 9_000, "KR", 60.0),
                new SupplyLine(SDI, "SDI", 5, 8_000, "KR", 55.0));
        PackAllocator.Allocation na = PackAllocator.allocate(Map.of(Region.NA, 7), supply, 0, RULES).get(Region.NA);
        assertThat(na.sources()).containsExactly(new PackSource(SDI, "SDI", 5), new PackSource(LGES, "LGES", 2));
    }
}
