package com.busanev.tower.plant;

import com.busanev.events.Roles;
import com.busanev.tower.api.FieldErrors;
import com.busanev.tower.api.Outcome;
import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import com.busanev.tower.web.CurrentUser;
import com.busanev.tower.web.Paging;
import com.busanev.tower.web.PlantClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The planner's view: the schedule by day, the KPIs, the blocked backlog and the calendar with its edit form. */
@Path("/plant")
@RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
@Produces(MediaType.TEXT_HTML)
public class PlantPage {
    /** The schedule shows two weeks from plant today unless the person picks a range. */
    private static final int DEFAULT_DAYS = 14;
    /** production-service answers at most this many days of schedule. */
    private static final int MAX_DAYS = 366;
    /** The KPI charts show the two weeks before the range too: what was built, next to what is planned. */
    private static final int CHART_HISTORY_DAYS = 14;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plant(Range range, Outcome<List<ProductionApi.ScheduleDay>> schedule,
                Outcome<ProductionApi.Kpis> kpis, Outcome<PlantCharts> charts, Outcome<List<ProductionApi.PackUse>> packs,
                Outcome<Page<ProductionApi.Build>> blocked, Outcome<Calendar> calendar,
                Outcome<List<ProductionApi.CalendarVersion>> history, Calendar.Change change, FieldErrors errors,
                String saved);

        static native TemplateInstance plant$live(Range range, Outcome<List<ProductionApi.ScheduleDay>> schedule,
                Outcome<ProductionApi.Kpis> kpis, Outcome<PlantCharts> charts, Outcome<List<ProductionApi.PackUse>> packs);

        static native TemplateInstance plant$blocked(Outcome<Page<ProductionApi.Build>> blocked);

        static native TemplateInstance plant$calendar(Outcome<Calendar> calendar,
                Outcome<List<ProductionApi.CalendarVersion>> history, Calendar.Change change, FieldErrors errors,
                String saved);
    }

    /** The days shown; a range the person typed wrong falls back to the default, saying so. */
    public record Range(LocalDate from, LocalDate to, String note) {
        public String query() {
            return "from=" + from + "&to=" + to;
        }

        /**
         * The charts start this many days before the range, so that they show the cars built up to it beside the
         * plan (within the 366 days production-service answers at most).
         */
        LocalDate chartsFrom() {
            LocalDate earliest = to.minusDays(MAX_DAYS - 1);
            LocalDate wanted = from.minusDays(CHART_HISTORY_DAYS);
            return wanted.isBefore(earliest) ? earliest : wanted;
        }
    }

    private final ProductionApi production;
    private final Calendars calendars;
    private final PlantClock clock;
    private final CurrentUser user;

    PlantPage(@RestClient ProductionApi production, Calendars calendars, PlantClock clock, CurrentUser user) {
        this.production = production;
        this.calendars = calendars;
        this.clock = clock;
        this.user = user;
    }

    @GET
    public TemplateInstance plant(@RestQuery String from, @RestQuery String to) {
        Range range = range(from, to);
        Outcome<Calendar> calendar = user.seesPlantReports() ? calendars.current() : null;
        Calendar.Change change = calendar == null || calendar.failed() ? null : Calendar.Change.of(calendar.value());
        return Templates.plant(range, schedule(range), kpis(range), charts(range), packs(range), blocked(0), calendar,
                calendar == null ? null : history(), change, FieldErrors.NONE, null);
    }

    @GET
    @Path("/live")
    public TemplateInstance live(@RestQuery String from, @RestQuery String to) {
        Range range = range(from, to);
        return Templates.plant$live(range, schedule(range), kpis(range), charts(range), packs(range));
    }

    @GET
    @Path("/blocked")
    public TemplateInstance blocked(@RestQuery Integer page) {
        return Templates.plant$blocked(blocked(Paging.page(page)));
    }

    /** Saves the calendar form; a conflict or bad input comes back in the form, with what the person typed. */
    @POST
    @Path("/calendar")
    @RolesAllowed(Roles.PLANT_PLANNER)
    public TemplateInstance changeCalendar(@RestForm String version, @RestForm String renaultReservedPerDay,
            @RestForm String evShareCap, @RestForm String horizonWeeks, @RestForm String downtimeFrom,
            @RestForm String downtimeTo, @RestForm String downtimeReason) {
        Calendar.Change change = new Calendar.Change(version, renaultReservedPerDay, evShareCap, horizonWeeks,
                Paging.filter(downtimeFrom), Paging.filter(downtimeTo), Paging.filter(downtimeReason));
        Outcome<Calendar> saved = calendars.change(change);
        if (saved.failed()) {
            FieldErrors errors = FieldErrors.of(saved.error(), Calendar.Change.FIELDS);
            if (saved.error().conflict()) {
                errors = new FieldErrors("Another planner changed the calendar since you opened it: " + errors.summary()
                        + " Reload to see their version, then make your change again.", errors.fields(), errors.others());
            }
            return Templates.plant$calendar(calendars.current(), history(), change, errors, null);
        }
        return Templates.plant$calendar(saved, history(), Calendar.Change.of(saved.value()), FieldErrors.NONE,
                "Saved: version " + saved.value().version() + ". Builds on days that lost capacity are being moved.");
    }

    private Range range(String from, String to) {
        LocalDate today = clock.today();
        try {
            LocalDate start = from == null || from.isBlank() ? today : LocalDate.parse(from);
            LocalDate end = to == null || to.isBlank() ? start.plusDays(DEFAULT_DAYS - 1) : LocalDate.parse(to);
            if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_DAYS - 1))) {
                return new Range(today, today.plusDays(DEFAULT_DAYS - 1),
                        "The range must run forwards and span at most " + MAX_DAYS + " days: showing the next two weeks.");
            }
            return new Range(start, end, null);
        } catch (DateTimeParseException notADate) {
            return new Range(today, today.plusDays(DEFAULT_DAYS - 1), "Dates are YYYY-MM-DD: showing the next two weeks.");
        }
    }

    private Outcome<List<ProductionApi.ScheduleDay>> schedule(Range range) {
        return Outcome.of(ProductionApi.SERVICE, () -> production.schedule(range.from(), range.to()));
    }

    /** Null where the role may not read them: the template leaves the panel out. */
    private Outcome<ProductionApi.Kpis> kpis(Range range) {
        return user.seesPlantReports() ? Outcome.of(ProductionApi.SERVICE, () -> production.kpis(range.from(), range.to())) : null;
    }

    /** Null where the role may not read the KPIs: the template leaves the charts out. */
    private Outcome<PlantCharts> charts(Range range) {
        return user.seesPlantReports() ? Outcome.of(ProductionApi.SERVICE,
                () -> PlantCharts.of(production.dailyKpis(range.chartsFrom(), range.to()))) : null;
    }

    private Outcome<List<ProductionApi.PackUse>> packs(Range range) {
        return Outcome.of(ProductionApi.SERVICE, () -> production.packUse(range.from(), range.to()));
    }

    /** Every version of the calendar, newest first: who changed it and when. */
    private Outcome<List<ProductionApi.CalendarVersion>> history() {
        return Outcome.of(ProductionApi.SERVICE, production::calendarHistory);
    }

    private Outcome<Page<ProductionApi.Build>> blocked(int page) {
        return Outcome.of(ProductionApi.SERVICE, () -> production.builds("BLOCKED", null, PageRequest.of(page)));
    }
}
