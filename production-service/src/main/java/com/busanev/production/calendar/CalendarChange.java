package com.busanev.production.calendar;

import java.time.Instant;

/** One version of the calendar as its history shows it: the calendar, who changed it and when. */
public record CalendarChange(int version, PlantCalendar calendar, String changedBy, Instant changedAt) {
}
