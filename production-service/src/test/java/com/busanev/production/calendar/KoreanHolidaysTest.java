package com.busanev.production.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.production.calendar.PlantCalendar.Holiday;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KoreanHolidaysTest {
    private static List<LocalDate> dates(int year) {
        return KoreanHolidays.of(year).stream().map(Holiday::date).toList();
    }

    @Test
    void lunarHolidaysAndTheirSubstitutesAsAnnounced() {
        // 2025: Chuseok starts on a Sunday (substitute 8 Oct); Children's Day and Buddha's Birthday share 5 May.
        assertThat(dates(2025)).contains(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7),
                LocalDate.of(2025, 10, 8), LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 6));
        // 2027: Seollal falls on Saturday to Monday: one substitute, for the Sunday.
        assertThat(dates(2027)).contains(LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9))
                .doesNotContain(LocalDate.of(2027, 2, 10));
        // 2028: Chuseok's middle day is National Foundation Day: one substitute on the Thursday.
        assertThat(dates(2028)).contains(LocalDate.of(2028, 10, 2), LocalDate.of(2028, 10, 4), LocalDate.of(2028, 10, 5))
                .doesNotContain(LocalDate.of(2028, 10, 6));
        // 2029: Chuseok Friday to Sunday; Children's Day on a Saturday, Buddha's Birthday on a Sunday.
        assertThat(dates(2029)).contains(LocalDate.of(2029, 9, 21), LocalDate.of(2029, 9, 24),
                LocalDate.of(2029, 5, 7), LocalDate.of(2029, 5, 21));
    }

    @Test
    void theTableReproducesTheYearsThePlantPlannedWith() {
        assertThat(dates(2026)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 5),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 3), LocalDate.of(2026, 8, 17), LocalDate.of(2026, 9, 24),
                LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 9), LocalDate.of(2026, 12, 25));
        assertThat(dates(2027)).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 2, 9), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 5), LocalDate.of(2027, 5, 13),
                LocalDate.of(2027, 8, 16), LocalDate.of(2027, 9, 14), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 16),
                LocalDate.of(2027, 10, 4), LocalDate.of(2027, 10, 11), LocalDate.of(2027, 12, 27));
    }

    @Test
    void solarHolidaysFollowFromTheRulesInAnyYear() {
        // 2033: 1 January is a Saturday (no substitute), 1 March a Tuesday, 15 August a Monday, 25 December a Sunday.
        assertThat(KoreanHolidays.complete(2033)).isFalse();
        assertThat(dates(2033)).contains(LocalDate.of(2033, 3, 1), LocalDate.of(2033, 8, 15), LocalDate.of(2033, 12, 26))
                .doesNotContain(LocalDate.of(2033, 1, 3));
        assertThat(KoreanHolidays.complete(2030)).isTrue();
    }
}
