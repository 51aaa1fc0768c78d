package com.busanev.production.calendar;

import com.busanev.production.calendar.PlantCalendar.Holiday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Public holidays of the Republic of Korea that fall on weekdays, with their substitute holidays. The solar ones
 * follow from the date for any year; the lunar ones (Seollal, Buddha's Birthday, Chuseok) come from a table, as
 * do one-off days (elections, which the planners add to the calendar as they are called).
 *
 * <p>Substitute rules (Public Holidays Act, as amended 2021 and 2023): Seollal and Chuseok earn one substitute day
 * for each of their days on a Sunday or on another holiday; Independence Movement Day, Children's Day, Buddha's
 * Birthday, Liberation Day, National Foundation Day, Hangul Day and Christmas earn one when on a Saturday, a
 * Sunday or another holiday; New Year's Day and Memorial Day earn none on a weekend. A date shared by two
 * holidays earns one.
 * The substitute is the first following weekday that is not a holiday.
 */
public final class KoreanHolidays {
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

    /** The lunar holidays of a year: Seollal (1st of the 1st lunar month), Buddha's Birthday (8th of the 4th), Chuseok (15th of the 8th). */
    record LunarDays(LocalDate seollal, LocalDate buddhasBirthday, LocalDate chuseok) {
    }

    /**
     * Per year. KoreanHolidaysTest checks every row against ICU4J's Korean lunisolar calendar (DangiCalendar), which
     * gives the dates announced for 2025-2030 and from which the later years were taken; ICU is a test dependency only.
     */
    private static final Map<Integer, LunarDays> LUNAR = Stream.of(
            lunar("2025-01-29", "2025-05-05", "2025-10-06"),
            lunar("2026-02-17", "2026-05-24", "2026-09-25"),
            lunar("2027-02-07", "2027-05-13", "2027-09-15"),
            lunar("2028-01-27", "2028-05-02", "2028-10-03"),
            lunar("2029-02-13", "2029-05-20", "2029-09-22"),
            lunar("2030-02-03", "2030-05-09", "2030-09-12"),
            lunar("2031-01-23", "2031-05-28", "2031-10-01"),
            lunar("2032-02-11", "2032-05-16", "2032-09-19"),
            lunar("2033-01-31", "2033-05-06", "2033-09-08"),
            lunar("2034-02-19", "2034-05-25", "2034-09-27"),
            lunar("2035-02-08", "2035-05-15", "2035-09-16"),
            lunar("2036-01-28", "2036-05-03", "2036-10-04"),
            lunar("2037-02-15", "2037-05-22", "2037-09-24"),
            lunar("2038-02-04", "2038-05-11", "2038-09-13"),
            lunar("2039-01-24", "2039-04-30", "2039-10-02"),
            lunar("2040-02-12", "2040-05-18", "2040-09-21"))
            .collect(Collectors.toUnmodifiableMap(days -> days.seollal().getYear(), Function.identity()));

    /** The first and the last year whose lunar holidays are in the table: the built-in calendar's years. */
    public static final int FIRST_KNOWN_YEAR = Collections.min(LUNAR.keySet());
    public static final int LAST_KNOWN_YEAR = Collections.max(LUNAR.keySet());

    /** Days the government declared holidays once: elections and a temporary holiday. */
    private static final Map<LocalDate, String> DESIGNATED = Map.of(
            LocalDate.of(2025, 1, 27), "Temporary holiday",
            LocalDate.of(2025, 6, 3), "Presidential election",
            LocalDate.of(2026, 6, 3), "Local elections");

    private KoreanHolidays() {
    }

    /** The year's lunar holidays, if the table has them. */
    static Optional<LunarDays> lunar(int year) {
        return Optional.ofNullable(LUNAR.get(year));
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
        lunar(year).ifPresent(lunar -> {
            addThreeDays(names, earning, lunar.seollal(), "Seollal");
            names.computeIfAbsent(lunar.buddhasBirthday(), d -> new ArrayList<>()).add("Buddha's Birthday");
            if (isWeekend(lunar.buddhasBirthday())) {
                earning.add(lunar.buddhasBirthday());
            }
            addThreeDays(names, earning, lunar.chuseok(), "Chuseok");
        });
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

    private static LunarDays lunar(String seollal, String buddhasBirthday, String chuseok) {
        return new LunarDays(LocalDate.parse(seollal), LocalDate.parse(buddhasBirthday), LocalDate.parse(chuseok));
    }
}
