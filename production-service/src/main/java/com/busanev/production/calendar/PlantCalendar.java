package com.busanev.production.calendar;

import com.busanev.production.versioned.VersionedDocument;
import com.busanev.production.plan.LineDay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Busan plant calendar: which days the line runs, its shifts and rate, public holidays and planned
 * downtime, and how its slots are shared with Renault's own models and capped for EVs.
 */
public record PlantCalendar(
        @NotEmpty Set<@NotNull DayOfWeek> workingDays,
        @NotEmpty List<@Valid @NotNull Shift> shifts,
        List<@Valid @NotNull Holiday> holidays,
        List<@Valid @NotNull Downtime> downtime,
        @NotNull @Min(0) Integer renaultReservedPerDay,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double evShareCap,
        @NotNull @Min(1) @Max(104) Integer horizonWeeks) implements VersionedDocument {

    // Boxed numbers: a value left out of the JSON is a 400 naming it, not a silent 0.
    public record Shift(@NotBlank String name, @NotNull LocalTime start, @NotNull LocalTime end,
            @NotNull @Positive Double jobsPerHour) {
        double jobs() {
            return Duration.between(start, end).toMinutes() / 60.0 * jobsPerHour;
        }
    }

    public record Holiday(@NotNull LocalDate date, @NotBlank String name) {
    }

    public record Downtime(@NotNull LocalDate from, @NotNull LocalDate to, @NotBlank String reason) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * Rules Bean Validation cannot say: shifts in order without overlap, downtime ranges the right way round. Runs
     * beside Bean Validation on the same document, so it skips what is missing (Bean Validation reports that).
     */
    @Override
    public List<String[]> inconsistencies() {
        List<String[]> problems = new ArrayList<>();
        List<Shift> all = shifts == null ? List.of() : shifts;
        for (int i = 0; i < all.size(); i++) {
            Shift shift = all.get(i);
            if (!timed(shift)) {
                continue;
            }
            if (!shift.end().isAfter(shift.start())) {
                problems.add(new String[] {"shifts[" + i + "].end", "must be after the start (no shift crosses midnight)"});
            }
            for (int j = i + 1; j < all.size(); j++) {
                Shift other = all.get(j);
                if (timed(other) && shift.start().isBefore(other.end()) && other.start().isBefore(shift.end())) {
                    problems.add(new String[] {"shifts[" + j + "]", "overlaps shift " + shift.name()});
                }
            }
        }
        for (int i = 0; i < downtimeOrEmpty().size(); i++) {
            Downtime d = downtime.get(i);
            if (d != null && d.from() != null && d.to() != null && d.to().isBefore(d.from())) {
                problems.add(new String[] {"downtime[" + i + "].to", "must not be before from"});
            }
        }
        return problems;
    }

    private static boolean timed(Shift shift) {
        return shift != null && shift.start() != null && shift.end() != null;
    }

    /** Line jobs a working day yields over all shifts. */
    public int jobsPerDay() {
        return (int) Math.floor(shifts.stream().mapToDouble(Shift::jobs).sum());
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek())
                && holidaysOrEmpty().stream().noneMatch(h -> h.date().equals(day))
                && downtimeOrEmpty().stream().noneMatch(d -> d.covers(day));
    }

    /** The Polestar 4 capacity of each working day from {@code from} over the planning horizon. */
    public List<LineDay> lineDays(LocalDate from) {
        int total = jobsPerDay();
        int polestar = Math.max(0, total - renaultReservedPerDay);
        int ev = (int) Math.floor(total * evShareCap);
        List<LineDay> days = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(from.plusWeeks(horizonWeeks)); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days.add(new LineDay(day, polestar, ev));
            }
        }
        return days;
    }

    /** Whether any holiday of {@code year} is listed: none means the year's were never added, not that it has none. */
    public boolean listsHolidaysIn(int year) {
        return holidaysOrEmpty().stream().anyMatch(holiday -> holiday.date().getYear() == year);
    }

    private List<Holiday> holidaysOrEmpty() {
        return holidays == null ? List.of() : holidays;
    }

    private List<Downtime> downtimeOrEmpty() {
        return downtime == null ? List.of() : downtime;
    }

    /**
     * Two 8-hour shifts at 76 jobs/hour give 1,216 jobs a day; 2026 has 247 working weekdays after Korean public
     * holidays, so 300,352 a year: the plant's 300,000. Renault keeps 730 a day for its hybrids; the battery
     * marriage station takes at most 40% EVs (486), which leaves 486 Polestar 4 slots a day.
     */
    public static PlantCalendar busanDefault() {
        return new PlantCalendar(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.of(new Shift("day", LocalTime.of(6, 30), LocalTime.of(14, 30), 76.0),
                        new Shift("evening", LocalTime.of(14, 30), LocalTime.of(22, 30), 76.0)),
                KoreanHolidays.of(KoreanHolidays.FIRST_KNOWN_YEAR, KoreanHolidays.LAST_KNOWN_YEAR), List.of(), 730, 0.40, 26);
    }
}
