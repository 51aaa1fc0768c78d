package com.busanev.production.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.production.calendar.PlantCalendar.Downtime;
import com.busanev.production.calendar.PlantCalendar.Shift;
import com.busanev.production.plan.LineDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlantCalendarTest {
    @Test
    void theDefaultCalendarGivesThePlantsThreeHundredThousandAYear() {
        PlantCalendar calendar = PlantCalendar.busanDefault();
        long workingDays = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(calendar::isWorkingDay).count();
        assertThat(workingDays).isEqualTo(247);
        assertThat(calendar.jobsPerDay()).isEqualTo(1216);
        assertThat(workingDays * calendar.jobsPerDay()).isBetween(295_000L, 305_000L);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 24))).as("Chuseok").isFalse();
    }

    @Test
    void lineDaysCarryPolestarAndEvCapacity() {
        List<LineDay> days = PlantCalendar.busanDefault().lineDays(LocalDate.of(2027, 3, 1));
        assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2027, 3, 2)).as("1 March is a holiday");
        assertThat(days.get(0).capacity()).isEqualTo(1216 - 730);
        assertThat(days.get(0).evCapacity()).isEqualTo(486);
        assertThat(days).allMatch(d -> d.date().getDayOfWeek().getValue() <= 5);
    }

    @Test
    void overlappingShiftsAndBackwardRangesAreInconsistent() {
        PlantCalendar base = PlantCalendar.busanDefault();
        PlantCalendar bad = new PlantCalendar(base.workingDays(),
                List.of(new Shift("a", LocalTime.of(6, 0), LocalTime.of(14, 0), 70.0),
                        new Shift("b", LocalTime.of(13, 0), LocalTime.of(21, 0), 70.0),
                        new Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 70.0)),
                List.of(), List.of(new Downtime(LocalDate.of(2027, 8, 6), LocalDate.of(2027, 8, 2), "summer")),
                700, 0.4, 26);
        assertThat(bad.inconsistencies()).extracting(p -> p[0])
                .containsExactlyInAnyOrder("shifts[1]", "shifts[2].end", "downtime[0].to");
    }

    @Test
    void missingPartsAreLeftToBeanValidationNotDereferenced() {
        PlantCalendar base = PlantCalendar.busanDefault();
        List<Shift> oneMissing = new java.util.ArrayList<>(base.shifts());
        oneMissing.add(null);
        assertThat(new PlantCalendar(null, null, null, null, null, null, null).inconsistencies()).isEmpty();
        assertThat(new PlantCalendar(base.workingDays(), oneMissing, null,
                java.util.Arrays.asList((Downtime) null), 700, 0.4, 26).inconsistencies()).isEmpty();
    }
}
