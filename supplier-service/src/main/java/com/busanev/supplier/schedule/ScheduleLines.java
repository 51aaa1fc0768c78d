package com.busanev.supplier.schedule;

import com.busanev.events.IsoWeek;
import com.busanev.supplier.contract.Contract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The weeks of a new schedule revision (pure): each week's need from the contract ({@link ScheduleNeeds}) clamped to
 * the contract's weekly flex bounds, the line keeping where the need came from; the first {@code frozenWeeks} are
 * FIRM, the rest FORECAST; a week FIRM in the previous revision keeps its packs, bounds and basis as they were (firm
 * means firm, whatever demand or the contract did since).
 */
final class ScheduleLines {
    private ScheduleLines() {
    }

    static List<ScheduleLine> plan(Contract contract, IsoWeek first, int weeks, int frozenWeeks,
            Function<IsoWeek, ScheduleNeeds.Need> need, Map<String, ScheduleLine> firmBefore) {
        List<ScheduleLine> lines = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            IsoWeek week = first.plusWeeks(i);
            LineKind kind = i < frozenWeeks ? LineKind.FIRM : LineKind.FORECAST;
            ScheduleLine firm = firmBefore.get(week.toString());
            if (firm != null) {
                lines.add(new ScheduleLine(firm.week, firm.packs, LineKind.FIRM, firm.flexMin, firm.flexMax, firm.basis));
                continue;
            }
            LocalDate monday = week.monday();
            int min = contract.weeklyFlexMin(monday);
            int max = contract.weeklyFlexMax(monday);
            ScheduleNeeds.Need needed = need.apply(week);
            lines.add(new ScheduleLine(week.toString(), Math.max(min, Math.min(max, needed.packs())), kind, min, max,
                    needed.basis()));
        }
        return lines;
    }
}
