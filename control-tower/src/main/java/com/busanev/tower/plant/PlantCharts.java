package com.busanev.tower.plant;

import com.busanev.tower.chart.Chart;
import com.busanev.tower.chart.ChartBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The plant's KPI charts, drawn from production-service's KPIs per day. */
public record PlantCharts(Chart utilisation, Chart defects, Chart co2) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    static PlantCharts of(List<ProductionApi.KpiDay> days) {
        List<String> labels = days.stream().map(d -> DAY.format(d.date())).toList();
        List<Double> utilisation = days.stream().map(d -> d.polestarCapacity() == 0 ? null : d.utilisation() * 100).toList();
        Chart utilisationChart = ChartBuilder.of("chart-utilisation", "Utilisation: slots planned of capacity", "%", labels)
                .top(100)
                .bars("planned", "planned of capacity", utilisation, i -> utilisation.get(i) != null && utilisation.get(i) > 100)
                .build();
        Chart defectsChart = ChartBuilder.of("chart-defects", "Defects per 100 vehicles built", "", labels)
                .bars("defects", "defects per 100", days.stream().map(ProductionApi.KpiDay::defectsPer100Vehicles).toList())
                .build();
        Chart co2Chart = ChartBuilder.of("chart-co2", "CO₂ per vehicle against the 2030 −50% trajectory", " kg", labels)
                .line("co2-target", "target (−50% by 2030)", days.stream().map(d -> (Double) d.co2TargetKg()).toList())
                .line("co2-actual", "built", days.stream().map(ProductionApi.KpiDay::co2PerVehicleKg).toList())
                .build();
        return new PlantCharts(utilisationChart, defectsChart, co2Chart);
    }
}
