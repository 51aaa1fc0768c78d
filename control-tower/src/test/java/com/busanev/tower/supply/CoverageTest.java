package com.busanev.tower.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.tower.chart.Chart;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
    @Test
    void aBarPerRegionAndWeekShortWeeksRed() {
        Coverage coverage = Coverage.of(List.of(
                week("2027-W10", "EU", 100, 100), week("2027-W10", "NA", 100, 40),
                week("2027-W11", "EU", 100, 100)));

        Chart chart = coverage.chart();
        assertThat(chart.labels()).extracting(Chart.Label::text).containsExactly("W10", "W11");
        assertThat(chart.legend()).extracting(Chart.Key::name).containsExactly("EU", "NA");
        assertThat(chart.bars()).hasSize(3); // NA has no row for W11: no bar
        assertThat(chart.bars()).filteredOn(Chart.Bar::alert).singleElement()
                .satisfies(bar -> assertThat(bar.title()).isEqualTo("W10 · NA: 40%"));
    }

    private static SupplyApi.WeekCoverage week(String week, String region, int plan, int covered) {
        return new SupplyApi.WeekCoverage(week, region, plan, covered, covered, plan - covered, plan, covered, plan - covered);
    }
}
