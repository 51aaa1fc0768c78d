package com.busanev.tower.supply;

import com.busanev.tower.chart.Chart;
import com.busanev.tower.chart.ChartBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Coverage by ISO week and region: the rows as supplier-service answers them, and their chart. */
public record Coverage(List<SupplyApi.WeekCoverage> rows, Chart chart) {

    /** A bar per region in each week: the share of the week's EV plan its supply covers; short weeks red. */
    static Coverage of(List<SupplyApi.WeekCoverage> rows) {
        List<String> weeks = rows.stream().map(SupplyApi.WeekCoverage::week).distinct().sorted().toList();
        List<String> regions = rows.stream().map(SupplyApi.WeekCoverage::region).distinct().sorted().toList();
        Map<String, SupplyApi.WeekCoverage> byCell = rows.stream()
                .collect(Collectors.toMap(row -> row.week() + "/" + row.region(), Function.identity(), (a, b) -> a));
        ChartBuilder chart = ChartBuilder.of("chart-coverage", "EV plan covered by compliant packs, by week and region", "%",
                weeks.stream().map(week -> week.substring(week.indexOf('W'))).toList()).wide().top(100);
        for (String region : regions) {
            List<SupplyApi.WeekCoverage> cells = weeks.stream().map(week -> byCell.get(week + "/" + region)).toList();
            chart.bars("region-" + region, region, cells.stream()
                            .map(cell -> cell == null ? null : (double) cell.planCoveredPercent()).toList(),
                    i -> cells.get(i) != null && cells.get(i).shortage());
        }
        return new Coverage(rows, chart.build());
    }
}
