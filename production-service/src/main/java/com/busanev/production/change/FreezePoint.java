package com.busanev.production.change;

import com.busanev.production.calendar.Calendars;
import com.busanev.production.calendar.PlantCalendar;
import com.busanev.production.sequence.LineSequence;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The plant's freeze point for order changes: a build planned within the next {@link ChangeConfig#freezeWorkingDays()}
 * working days of the calendar, or on a day whose line sequence is already frozen, keeps its specification.
 */
@ApplicationScoped
public class FreezePoint {
    /** A calendar without any working day in a year would never reach the count: the walk stops there. */
    private static final int MAX_DAYS_WALKED = 366;

    private final Calendars calendars;
    private final Clock clock;
    private final int workingDays;

    FreezePoint(Calendars calendars, Clock clock, ChangeConfig config) {
        this.calendars = calendars;
        this.clock = clock;
        this.workingDays = config.freezeWorkingDays();
    }

    /** Why a build planned on {@code day} can no longer change, or null while it can. Runs in the caller's session. */
    public Uni<String> frozen(LocalDate day) {
        return calendars.current().chain(current -> {
            LocalDate last = lastFrozenDay(current.document(), LocalDate.now(clock));
            if (!day.isAfter(last)) {
                return Uni.createFrom().item("past the freeze point: the build is planned for " + day
                        + ", within the " + workingDays + " working day(s) the plant has frozen (up to " + last + ")");
            }
            return LineSequence.<LineSequence>findById(day).map(sequence -> sequence == null || sequence.frozenAt == null
                    ? null : "past the freeze point: the line sequence of " + day + " is frozen since " + sequence.frozenAt);
        });
    }

    /** The last day of the frozen working days counted from {@code today} (today counts if the line runs). */
    LocalDate lastFrozenDay(PlantCalendar calendar, LocalDate today) {
        LocalDate day = today.minusDays(1);
        int counted = 0;
        for (int walked = 0; counted < workingDays && walked < MAX_DAYS_WALKED; walked++) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
