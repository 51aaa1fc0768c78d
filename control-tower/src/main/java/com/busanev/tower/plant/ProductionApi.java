package com.busanev.tower.plant;

import com.busanev.tower.api.Page;
import com.busanev.tower.api.PageRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** production-service, called with the signed-in person's access token. */
@Path("/api/v1")
@RegisterRestClient(configKey = "production-service")
@AccessToken
public interface ProductionApi {
    String SERVICE = "production-service";

    @GET
    @Path("/schedule")
    List<ScheduleDay> schedule(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @GET
    @Path("/kpis")
    Kpis kpis(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    /** The KPIs per day, for the charts. */
    @GET
    @Path("/kpis/daily")
    List<KpiDay> dailyKpis(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    /** Packs used of each week's budget, per region. */
    @GET
    @Path("/pack-budgets")
    List<PackUse> packUse(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @GET
    @Path("/builds")
    Page<Build> builds(@QueryParam("status") String status, @QueryParam("region") String region,
            @BeanParam PageRequest page);

    /** The calendar in force; its ETag is the version a change sends back in If-Match. */
    @GET
    @Path("/calendar")
    Response calendar();

    @GET
    @Path("/calendar/history")
    List<CalendarVersion> calendarHistory();

    /** The calendar is kept as the JSON it is: the tower edits a few fields and sends the rest back untouched. */
    @PUT
    @Path("/calendar")
    Response changeCalendar(@HeaderParam("If-Match") String version, ObjectNode calendar);

    record ScheduleDay(LocalDate date, boolean working, int lineJobs, int renaultReserved, int polestarCapacity,
            int evCapacity, int scheduled, Map<String, Integer> modelMix, double utilisation) {
        public long utilisationPercent() {
            return Math.round(utilisation * 100);
        }
    }

    record Kpis(LocalDate from, LocalDate to, long vehiclesBuilt, long slotsPlanned, long polestarCapacity,
            double utilisation, double evShare, double defectsPer100Vehicles, Double co2PerVehicleKg,
            Map<String, Long> blockedByReason) {
        public record Reason(String reason, long orders) {
        }

        /** The blocked backlog by reason, largest first. */
        public List<Reason> blockedReasons() {
            return blockedByReason == null ? List.of() : blockedByReason.entrySet().stream()
                    .map(e -> new Reason(e.getKey(), e.getValue()))
                    .sorted(java.util.Comparator.comparingLong(Reason::orders).reversed()).toList();
        }

        public long utilisationPercent() {
            return Math.round(utilisation * 100);
        }

        public long evSharePercent() {
            return Math.round(evShare * 100);
        }
    }

    record KpiDay(LocalDate date, int slotsPlanned, int polestarCapacity, double utilisation, long vehiclesBuilt,
            Double defectsPer100Vehicles, Double co2PerVehicleKg, double co2TargetKg) {
    }

    record PackUse(String week, String region, int budget, int used) {
        public long usedPercent() {
            return budget == 0 ? (used == 0 ? 0 : 100) : Math.min(100, Math.round(100.0 * used / budget));
        }

        /** More builds than packs: the plan holds builds the budget cannot supply. */
        public boolean over() {
            return used > budget;
        }
    }

    record Build(UUID orderId, String market, String region, String variant, String status, LocalDate plannedDate,
            String blockedReason, String blockedWeek, String blockedDetail, String vin) {
    }

    record CalendarVersion(int version, ObjectNode calendar, String changedBy, Instant changedAt) {
        /** What a planner changes most, in one line: the rest of the version stays in the service's history. */
        public String summary() {
            return "Renault " + calendar.path("renaultReservedPerDay").asText("-") + " a day, EV cap "
                    + calendar.path("evShareCap").asText("-") + ", horizon " + calendar.path("horizonWeeks").asText("-")
                    + " weeks, " + calendar.path("downtime").size() + " downtime, " + calendar.path("holidays").size()
                    + " holidays";
        }
    }
}
