package com.busanev.production.calendar;

import com.busanev.production.calendar.PlantCalendar.Holiday;
import java.time.LocalDate;
import java.util.List;

/** Public holidays of the Republic of Korea on weekdays, with substitute holidays, 2026 and 2027. */
final class KoreanHolidays {
    private KoreanHolidays() {
    }

    static List<Holiday> of2026And2027() {
        return List.of(
                h(2026, 1, 1, "New Year's Day"), h(2026, 2, 16, "Seollal"), h(2026, 2, 17, "Seollal"),
                h(2026, 2, 18, "Seollal"), h(2026, 3, 2, "Independence Movement Day (substitute)"),
                h(2026, 5, 5, "Children's Day"), h(2026, 5, 25, "Buddha's Birthday (substitute)"),
                h(2026, 6, 3, "Local elections"), h(2026, 8, 17, "Liberation Day (substitute)"),
                h(2026, 9, 24, "Chuseok"), h(2026, 9, 25, "Chuseok"), h(2026, 10, 5, "National Foundation Day (substitute)"),
                h(2026, 10, 9, "Hangul Day"), h(2026, 12, 25, "Christmas"),
                h(2027, 1, 1, "New Year's Day"), h(2027, 2, 8, "Seollal"), h(2027, 2, 9, "Seollal (substitute)"),
                h(2027, 3, 1, "Independence Movement Day"), h(2027, 5, 5, "Children's Day"),
                h(2027, 5, 13, "Buddha's Birthday"), h(2027, 8, 16, "Liberation Day (substitute)"),
                h(2027, 9, 14, "Chuseok"), h(2027, 9, 15, "Chuseok"), h(2027, 9, 16, "Chuseok"),
                h(2027, 10, 4, "National Foundation Day (substitute)"), h(2027, 10, 11, "Hangul Day (substitute)"),
                h(2027, 12, 27, "Christmas (substitute)"));
    }

    private static Holiday h(int year, int month, int day, String name) {
        return new Holiday(LocalDate.of(year, month, day), name);
    }
}
