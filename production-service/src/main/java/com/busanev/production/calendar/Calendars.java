package com.busanev.production.calendar;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.ProblemMappers;
import com.busanev.kit.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The calendar in force (the built-in Busan default until a planner changes it) and its versions. */
@ApplicationScoped
public class Calendars {
    public record Versioned(int version, PlantCalendar calendar, String changedBy, java.time.Instant changedAt) {
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;

    Calendars(ObjectMapper mapper, Validator validator, Clock clock) {
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Versioned> current() {
        return CalendarVersion.<CalendarVersion>find("order by version desc").firstResult()
                .map(row -> row == null
                        ? new Versioned(0, PlantCalendar.busanDefault(), "default", null)
                        : new Versioned(row.version, read(row.definition), row.changedBy, row.changedAt));
    }

    public Uni<List<Versioned>> history() {
        return CalendarVersion.<CalendarVersion>listAll(Sort.descending("version"))
                .map(rows -> rows.stream().map(r -> new Versioned(r.version, read(r.definition), r.changedBy, r.changedAt)).toList());
    }

    /** Stores a new version after every rule passed; call inside the planning transaction. */
    public Uni<Versioned> replace(PlantCalendar calendar, int expectedVersion, String user) {
        validate(calendar);
        return current().chain(current -> {
            if (expectedVersion != current.version()) {
                return Uni.createFrom().failure(ProblemException.conflict("The calendar is at version "
                        + current.version() + ", not " + expectedVersion + ": reload it and apply your change again."));
            }
            CalendarVersion row = new CalendarVersion();
            row.version = current.version() + 1;
            row.definition = write(calendar);
            row.changedBy = user;
            row.changedAt = clock.instant();
            return row.persist().map(ignored -> new Versioned(row.version, calendar, user, row.changedAt));
        });
    }

    private void validate(PlantCalendar calendar) {
        if (calendar == null) {
            throw ProblemException.badRequest("(body)", "a calendar is required");
        }
        List<Violation> violations = new ArrayList<>();
        validator.validate(calendar).forEach(v -> violations.add(new Violation(ProblemMappers.fieldOf(v), v.getMessage())));
        calendar.inconsistencies().forEach(p -> violations.add(new Violation(p[0], p[1])));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The calendar has " + violations.size() + " invalid value(s).", violations);
        }
    }

    private PlantCalendar read(String json) {
        try {
            return mapper.readValue(json, PlantCalendar.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calendar unreadable", e);
        }
    }

    private String write(PlantCalendar calendar) {
        try {
            return mapper.writeValueAsString(calendar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
