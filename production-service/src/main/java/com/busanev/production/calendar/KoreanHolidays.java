package com.busanev.production.calendar;

import com.busanev.production.calendar.PlantCalendar.Holiday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Public holidays of the Republic of Korea that fall on weekdays, with their substitute holidays. The solar ones
 * follow from the date for any year; the lunar ones (Seollal, Buddha's Birthday, Chuseok) come from a table, as
 * do one-off days (elections), so only the table's years are complete.
 *
 * <p>Substitute rules (Public Holidays Act, as amended 2021 and 2023): Seollal and Chuseok earn one substitute day
 * for each of their days on a Sunday or on another holiday; Independence Movement Day, Children's Day, Buddha's
 * Birthday, Liberation Day, National Foundation Day, Hangul Day and Christmas earn one when on a Saturday, a
 * Sunday or another holiday; New Year's Day and Memorial Day earn none on a weekend. A date shared by two
 * holidays earns one.
 * The substitute is the first following weekday that is not a holiday.
 */
public final class KoreanHolidays {
    /** The last year whose lunar holidays are in {@link #LUNAR}. */
    public static final int LAST_KNOWN_YEAR = 2030;
    public static final int FIRST_KNOWN_YEAR = 2025;

    private record Fixed(MonthDay day, String name, boolean substituted) {
    }

    private static final List<Fixed> SOLAR = List.of(
            new Fixed(MonthDay.of(1, 1), "New Year's Day", false),
            new Fixed(MonthDay.of(3, 1), "Independence Movement Day", true),
            new Fixed(MonthDay.of(5, 5), "Children's Day", true),
            new Fixed(MonthDay.of(6, 6), "Memorial Day", false),
            new Fixed(MonthDay.of(8, 15), "Liberation Day", true),
            new Fixed(MonthDay.of(10, 3), "National Foundation Day", true),
            new Fixed(MonthDay.of(10, 9), "Hangul Day", true),
            new Fixed(MonthDay.of(12, 25), "Christmas", true));

    /** Per year: Seollal (1st of the 1st lunar month), Buddha's Birthday (8th of the 4th), Chuseok (15th of the 8th). */
    private static final Map<Integer, LocalDate[]> LUNAR = Map.of(
            2025, dates("2025-01-29", "2025-05-05", "2025-10-06"),
            2026, dates("2026-02-17", "2026-05-24", "2026-09-25"),
            2027, dates("2027-02-07", "2027-05-13", "2027-09-15"),
            2028, dates("2028-01-27", "2028-05-02", "2028-10-03"),
            2029, dates("2029-02-13", "2029-05-20", "2029-09-22"),
            2030, dates("2030-02-03", "2030-05-09", "2030-09-12"));

    /** Days the government declared holidays once: elections and a temporary holiday. */
    private static final Map<LocalDate, String> DESIGNATED = Map.of(
            LocalDate.of(2025, 1, 27), "Temporary holiday",
            LocalDate.of(2025, 6, 3), "Presidential election",
            LocalDate.of(2026, 6, 3), "Local elections");

    private KoreanHolidays() {
    }

    /** Whether the lunar holidays of {@code year} are known: later years have only their solar ones. */
    public static boolean complete(int year) {
        return LUNAR.containsKey(year);
    }

    /** The weekday holidays of {@code first} to {@code last} (inclusive), substitutes included, in date order. */
    public static List<Holiday> of(int first, int last) {
        List<Holiday> all = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            all.addAll(of(year));
        }
        return all;
    }

    static List<Holiday> of(int year) {
        // Each date with the names of its holidays, and whether it earns a substitute day.
        Map<LocalDate, List<String>> names = new TreeMap<>();
        Set<LocalDate> earning = new HashSet<>();
        for (Fixed fixed : SOLAR) {
            LocalDate date = fixed.day().atYear(year);
            names.computeIfAbsent(date, d -> new ArrayList<>()).add(fixed.name());
            if (fixed.substituted() && isWeekend(date)) {
                earning.add(date);
            }
        }
        LocalDate[] lunar = LUNAR.get(year);
        if (lunar != null) {
            addThreeDays(names, earning, lunar[0], "Seollal");
            names.computeIfAbsent(lunar[1], d -> new ArrayList<>()).add("Buddha's Birthday");
            if (isWeekend(lunar[1])) {
                earning.add(lunar[1]);
            }
            addThreeDays(names, earning, lunar[2], "Chuseok");
        }
        DESIGNATED.forEach((date, name) -> {
            if (date.getYear() == year) {
                names.computeIfAbsent(date, d -> new ArrayList<>()).add(name);
            }
        });
        names.forEach((date, on) -> {
            if (on.size() > 1) {
                earning.add(date);
            }
        });

        Map<LocalDate, String> holidays = new TreeMap<>();
        names.forEach((date, on) -> holidays.put(date, String.join(", ", on)));
        earning.stream().sorted().forEach(date -> {
            LocalDate substitute = date.plusDays(1);
            while (isWeekend(substitute) || holidays.containsKey(substitute)) {
                substitute = substitute.plusDays(1);
            }
            holidays.put(substitute, names.get(date).get(0) + " (substitute)");
        });
        return holidays.entrySet().stream().filter(e -> !isWeekend(e.getKey()))
                .map(e -> new Holiday(e.getKey(), e.getValue())).toList();
    }

    /** The lunar day with the days before and after; only a Sunday among them earns a substitute (not a Saturday). */
    private static void addThreeDays(Map<LocalDate, List<String>> names, Set<LocalDate> earning, LocalDate day,
            String name) {
        for (LocalDate date = day.minusDays(1); !date.isAfter(day.plusDays(1)); date = date.plusDays(1)) {
            names.computeIfAbsent(date, d -> new ArrayList<>()).add(name);
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                earning.add(date);
            }
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate[] dates(String seollal, String buddha, String chuseok) {
        return new LocalDate[] {LocalDate.parse(seollal), LocalDate.parse(buddha), LocalDate.parse(chuseok)};
    }
}
