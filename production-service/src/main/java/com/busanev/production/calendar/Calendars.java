package com.busanev.production.calendar;

import com.busanev.production.versioned.VersionedDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;

/** The calendar in force (the built-in Busan default until a planner changes it) and its versions (a singleton: no proxy, stateless). */
@Singleton
public class Calendars extends VersionedDocuments<PlantCalendar, CalendarVersion> {
    Calendars(ObjectMapper mapper, Validator validator, Clock clock) {
        super("calendar", PlantCalendar.class, PlantCalendar::busanDefault, CalendarVersion.class, CalendarVersion::new,
                mapper, validator, clock);
    }
}
