package com.busanev.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoWeekTest {
    @Test
    void weeksFollowIso8601AcrossYearEnds() {
        assertThat(IsoWeek.of(LocalDate.of(2026, 12, 31))).hasToString("2026-W53");
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 4))).hasToString("2027-W01");
        assertThat(IsoWeek.parse("2027-W01").monday()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(IsoWeek.parse("2026-W53").plusWeeks(1)).isEqualTo(IsoWeek.parse("2027-W01"));
        assertThat(IsoWeek.parse("2027-W10").sunday()).isEqualTo(LocalDate.of(2027, 3, 14));
    }

    @Test
    void rejectsWeeksThatDoNotExist() {
        assertThatThrownBy(() -> IsoWeek.parse("2027-W53")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoWeek.parse("2027-W00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoWeek.parse("2027-13")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoWeek.parse(null)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void ordersChronologically() {
        assertThat(IsoWeek.parse("2026-W53")).isLessThan(IsoWeek.parse("2027-W01"));
    }
}
