package com.busanev.tower.plant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The plant calendar in force, as production-service answers it, with the version its changes send back. */
public record Calendar(int version, List<String> workingDays, List<Shift> shifts, List<Holiday> holidays,
        List<Downtime> downtime, Integer renaultReservedPerDay, Double evShareCap, Integer horizonWeeks) {

    /** Monday first, whatever order the document lists them in. */
    public List<String> workingDaysInOrder() {
        return workingDays.stream().sorted(java.util.Comparator.comparing(java.time.DayOfWeek::valueOf)).toList();
    }

    public record Shift(String name, LocalTime start, LocalTime end, Double jobsPerHour) {
    }

    public record Holiday(LocalDate date, String name) {
    }

    public record Downtime(LocalDate from, LocalDate to, String reason) {
    }

    /** What the edit form sends: the version read, the plain fields as typed, and optionally a downtime to add. */
    public record Change(String version, String renaultReservedPerDay, String evShareCap, String horizonWeeks,
            String downtimeFrom, String downtimeTo, String downtimeReason) {
        public static final List<String> FIELDS = List.of("renaultReservedPerDay", "evShareCap", "horizonWeeks", "downtime");

        public boolean addsDowntime() {
            return downtimeFrom != null || downtimeTo != null || downtimeReason != null;
        }

        public static Change of(Calendar calendar) {
            return new Change(String.valueOf(calendar.version()), String.valueOf(calendar.renaultReservedPerDay()),
                    String.valueOf(calendar.evShareCap()), String.valueOf(calendar.horizonWeeks()), null, null, null);
        }
    }
}
