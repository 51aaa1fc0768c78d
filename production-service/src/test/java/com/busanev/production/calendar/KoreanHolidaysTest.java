package com.busanev.production.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.production.calendar.KoreanHolidays.LunarDays;
import com.busanev.production.calendar.PlantCalendar.Holiday;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.DangiCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
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
        // 2044, past the table: 1 January a Friday, 1 March a Tuesday, 15 August a Monday, 25 December a Sunday.
        assertThat(KoreanHolidays.lunar(2044)).isEmpty();
        assertThat(KoreanHolidays.of(2044)).extracting(Holiday::date).containsExactly(LocalDate.of(2044, 1, 1),
                LocalDate.of(2044, 3, 1), LocalDate.of(2044, 5, 5), LocalDate.of(2044, 6, 6), LocalDate.of(2044, 8, 15),
                LocalDate.of(2044, 10, 3), LocalDate.of(2044, 10, 10), LocalDate.of(2044, 12, 26));
    }

    /**
     * Every year of the table as ICU4J's Korean lunisolar calendar counts it (in Korea's time zone): the lunar holidays
     * are the first day of the first month, the eighth of the fourth and the fifteenth of the eighth, none of them in a
     * leap month.
     */
    @Test
    void theLunarTableIsTheKoreanLunisolarCalendar() {
        assertThat(KoreanHolidays.FIRST_KNOWN_YEAR).isEqualTo(2025);
        assertThat(KoreanHolidays.LAST_KNOWN_YEAR).isGreaterThanOrEqualTo(2040);
        IntStream.rangeClosed(KoreanHolidays.FIRST_KNOWN_YEAR, KoreanHolidays.LAST_KNOWN_YEAR).forEach(year ->
                assertThat(KoreanHolidays.lunar(year)).as("lunar holidays of %d", year)
                        .contains(new LunarDays(dangi(year, 1, 1), dangi(year, 4, 8), dangi(year, 8, 15))));
    }

    @Test
    void theBuiltInCalendarListsTheHolidaysOfEveryYearOfTheTable() {
        PlantCalendar busan = PlantCalendar.busanDefault();
        IntStream.rangeClosed(KoreanHolidays.FIRST_KNOWN_YEAR, KoreanHolidays.LAST_KNOWN_YEAR)
                .forEach(year -> assertThat(busan.listsHolidaysIn(year)).as("holidays of %d", year).isTrue());
        assertThat(busan.listsHolidaysIn(KoreanHolidays.LAST_KNOWN_YEAR + 1)).isFalse();
        // 2031: Seollal Wednesday to Friday, Chuseok Tuesday to Thursday (with National Foundation Day on the Friday)
        assertThat(dates(2031)).contains(LocalDate.of(2031, 1, 22), LocalDate.of(2031, 1, 23), LocalDate.of(2031, 1, 24),
                LocalDate.of(2031, 5, 28), LocalDate.of(2031, 9, 30), LocalDate.of(2031, 10, 1), LocalDate.of(2031, 10, 2));
    }

    /** The Gregorian date in {@code year} of a day of the Korean lunar calendar (not in a leap month). */
    private static LocalDate dangi(int year, int lunarMonth, int lunarDay) {
        TimeZone seoul = TimeZone.getTimeZone("Asia/Seoul");
        return IntStream.rangeClosed(1, LocalDate.of(year, 12, 31).getDayOfYear())
                .mapToObj(day -> LocalDate.ofYearDay(year, day))
                .filter(date -> {
                    GregorianCalendar noon = new GregorianCalendar(seoul);
                    noon.clear();
                    noon.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 12, 0);
                    DangiCalendar korean = new DangiCalendar(seoul, ULocale.KOREA);
                    korean.setTimeInMillis(noon.getTimeInMillis());
                    return korean.get(Calendar.IS_LEAP_MONTH) == 0 && korean.get(Calendar.MONTH) == lunarMonth - 1
                            && korean.get(Calendar.DATE) == lunarDay;
                })
                .findFirst().orElseThrow();
    }
}
