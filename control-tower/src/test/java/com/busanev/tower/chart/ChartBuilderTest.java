package com.busanev.tower.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartBuilderTest {
    private static final List<String> DAYS = List.of("03-01", "03-02", "03-03", "03-04");

    @Test
    void barsStandOnTheAxisAndScaleToTheTop() {
        Chart chart = ChartBuilder.of("c", "Utilisation", "%", DAYS).top(100)
                .bars("planned", "planned", Arrays.asList(50.0, 100.0, null, 120.0), i -> i == 3).build();

        assertThat(chart.bars()).hasSize(3); // no bar for a missing value
        Chart.Bar half = chart.bars().get(0);
        Chart.Bar full = chart.bars().get(1);
        assertThat(half.y() + half.height()).isEqualTo(full.y() + full.height(), offset(0.2)); // one baseline
        assertThat(full.height()).isEqualTo(2 * half.height(), offset(0.2));
        assertThat(chart.bars().get(2).alert()).isTrue();
        assertThat(half.alert()).isFalse();
        // 120% does not fit under 100: the axis grows to the next round number.
        assertThat(chart.ticks()).extracting(Chart.Tick::label).containsExactly("0%", "100%", "200%");
        assertThat(half.title()).isEqualTo("03-01 · planned: 50%");
    }

    @Test
    void anAlertAtZeroStillShows() {
        Chart chart = ChartBuilder.of("c", "Coverage", "%", List.of("W10", "W11")).top(100)
                .bars("region-EU", "EU", List.of(0.0, 0.0), i -> i == 0).build();

        assertThat(chart.bars().get(0).height()).isPositive();
        assertThat(chart.bars().get(1).height()).isZero();
    }

    @Test
    void aMissingValueBreaksTheLine() {
        Chart chart = ChartBuilder.of("c", "CO2", " kg", DAYS)
                .line("co2-actual", "built", Arrays.asList(1400.0, 1380.0, null, 1420.0))
                .line("co2-target", "target", List.of(1200.0, 1199.0, 1198.0, 1197.0)).build();

        Chart.Line actual = chart.lines().get(0);
        assertThat(actual.points()).isEqualTo(3);
        assertThat(actual.path()).startsWith("M").containsOnlyOnce(" L").containsOnlyOnce(" M");
        assertThat(chart.lines().get(1).path()).doesNotContain(" M").contains(" L");
        assertThat(chart.legend()).extracting(Chart.Key::series).containsExactly("co2-actual", "co2-target");
        assertThat(chart.ticks().get(2).label()).isEqualTo("2000 kg");
    }

    @Test
    void barSeriesShareEachCategorySideBySide() {
        Chart chart = ChartBuilder.of("c", "Coverage", "%", List.of("W10", "W11")).top(100)
                .bars("region-EU", "EU", List.of(100.0, 80.0))
                .bars("region-NA", "NA", List.of(60.0, 100.0)).build();

        Chart.Bar eu = chart.bars().get(0);
        Chart.Bar na = chart.bars().get(2);
        assertThat(na.x()).isEqualTo(eu.x() + eu.width(), offset(0.2));
        assertThat(chart.labels()).extracting(Chart.Label::text).containsExactly("W10", "W11");
    }

    @Test
    void roundsTheAxisUpToOneTwoOrFive() {
        assertThat(ChartBuilder.niceCeiling(0)).isEqualTo(1);
        assertThat(ChartBuilder.niceCeiling(37)).isEqualTo(50);
        assertThat(ChartBuilder.niceCeiling(1450)).isEqualTo(2000);
        assertThat(ChartBuilder.niceCeiling(100)).isEqualTo(100);
    }
}
