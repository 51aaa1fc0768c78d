package com.busanev.production.plan;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The finite-capacity plan of the Busan line over the planning horizon, as counters: per working day the
 * Polestar slots and EV slots taken, per ISO week and region the battery packs allocated and taken. Every
 * Polestar 4 is an EV, so a build needs a line slot, an EV slot and a pack of its region's week.
 *
 * <p>Slotting scans the days in order from the earliest allowed one, skipping the prefix of days that are
 * already full (a per-plan cursor) and, for a region, whole weeks without packs left; a slot costs O(log D) for
 * the start day plus the days and weeks stepped over, and a year of orders is slotted in well under a second
 * (docs/benchmarks/scheduler.md). The class is
 * pure (no I/O) and not thread-safe: the service serializes planning.
 */
public final class LinePlan {
    private final List<LineDay> days;
    /** The ISO week of each day, and the index of the first day of the following week (a week without packs is skipped whole). */
    private final IsoWeek[] weekOf;
    private final int[] nextWeek;
    private final Map<LocalDate, Integer> index = new HashMap<>();
    private final Map<Region, Map<IsoWeek, int[]>> packs = new EnumMap<>(Region.class);
    /** Days before this index have no line or EV room left for anyone. */
    private int firstOpen;

    public LinePlan(List<LineDay> days) {
        this.days = List.copyOf(days);
        int n = this.days.size();
        weekOf = new IsoWeek[n];
        nextWeek = new int[n];
        for (int i = 0; i < n; i++) {
            index.put(this.days.get(i).date, i);
            weekOf[i] = i > 0 && this.days.get(i).date.isBefore(weekOf[i - 1].monday().plusWeeks(1))
                    ? weekOf[i - 1] : IsoWeek.of(this.days.get(i).date);
        }
        for (int i = n - 1; i >= 0; i--) {
            nextWeek[i] = i + 1 < n && weekOf[i + 1].equals(weekOf[i]) ? nextWeek[i + 1] : i + 1;
        }
        for (Region region : Region.values()) {
            packs.put(region, new HashMap<>());
        }
        advanceCursor();
    }

    /** The total packs allocated to a week and region (PacksAllocated carries totals). */
    public void allocatePacks(IsoWeek week, Region region, int allocated) {
        packs.get(region).computeIfAbsent(week, w -> new int[2])[0] = allocated;
    }

    /** Records packs already taken by builds loaded from storage. */
    public void takePacks(IsoWeek week, Region region, int taken) {
        packs.get(region).computeIfAbsent(week, w -> new int[2])[1] += taken;
    }

    public int packsLeft(IsoWeek week, Region region) {
        int[] budget = packs.get(region).get(week);
        return budget == null ? 0 : budget[0] - budget[1];
    }

    /** Earliest day on or after {@code notBefore} with a line slot, an EV slot and a pack; takes them. */
    public Slot slot(Region region, LocalDate notBefore) {
        IsoWeek missingPacks = null;
        int i = startIndex(notBefore);
        while (i < days.size()) {
            LineDay day = days.get(i);
            if (!day.hasRoomForEv()) {
                i++;
                continue;
            }
            IsoWeek week = weekOf[i];
            if (packsLeft(week, region) <= 0) {
                if (missingPacks == null) {
                    missingPacks = week;
                }
                i = nextWeek[i];
                continue;
            }
            take(day, week, region);
            return new Slot.Scheduled(day.date);
        }
        if (missingPacks != null) {
            return new Slot.Blocked(BlockReason.NO_PACKS, missingPacks,
                    "no battery packs allocated for " + region + " in " + missingPacks
                            + " or any later week of the horizon with line capacity");
        }
        IsoWeek requested = IsoWeek.of(notBefore.isBefore(horizonStart()) ? horizonStart() : notBefore);
        return new Slot.Blocked(BlockReason.NO_CAPACITY, requested,
                "no line capacity left from " + requested + " to the end of the planning horizon (" + horizonEnd() + ")");
    }

    /** Gives back the slot and the pack of a build that is cancelled or moved. */
    public void release(LocalDate date, Region region) {
        Integer i = index.get(date);
        if (i != null) {
            LineDay day = days.get(i);
            day.used--;
            day.evUsed--;
            firstOpen = Math.min(firstOpen, i);
        }
        int[] budget = packs.get(region).get(IsoWeek.of(date));
        if (budget != null) {
            budget[1]--;
        }
    }

    /** Takes {@code count} slots on a known day, for builds loaded from storage. */
    public void occupy(LocalDate date, Region region, int count) {
        Integer i = index.get(date);
        if (i != null) {
            days.get(i).used += count;
            days.get(i).evUsed += count;
        }
        takePacks(IsoWeek.of(date), region, count);
        advanceCursor();
    }

    /** How many builds each day must give up after its capacity was cut; the fewest moves that fit. */
    public Map<LocalDate, Integer> overbookedDays() {
        Map<LocalDate, Integer> excess = new HashMap<>();
        for (LineDay day : days) {
            if (day.excess() > 0) {
                excess.put(day.date, day.excess());
            }
        }
        return excess;
    }

    public List<LineDay> days() {
        return days;
    }

    public LocalDate horizonStart() {
        return days.isEmpty() ? LocalDate.MAX : days.get(0).date;
    }

    public LocalDate horizonEnd() {
        return days.isEmpty() ? LocalDate.MIN : days.get(days.size() - 1).date;
    }

    /** A copy of this plan's counters on new day capacities (a calendar change); builds keep their days. */
    public LinePlan withDays(List<LineDay> newDays) {
        Map<LocalDate, LineDay> old = new HashMap<>();
        days.forEach(d -> old.put(d.date, d));
        List<LineDay> merged = new ArrayList<>();
        for (LineDay day : newDays) {
            LineDay before = old.remove(day.date);
            merged.add(new LineDay(day.date, day.capacity, day.evCapacity,
                    before == null ? 0 : before.used, before == null ? 0 : before.evUsed));
        }
        // Days the new calendar drops entirely keep their builds with zero capacity, so they show as overbooked.
        old.values().stream().filter(d -> d.used > 0)
                .forEach(d -> merged.add(new LineDay(d.date, 0, 0, d.used, d.evUsed)));
        merged.sort((a, b) -> a.date.compareTo(b.date));
        LinePlan plan = new LinePlan(merged);
        packs.forEach((region, weeks) -> weeks.forEach((week, budget) -> {
            plan.allocatePacks(week, region, budget[0]);
            plan.takePacks(week, region, budget[1]);
        }));
        return plan;
    }

    private void take(LineDay day, IsoWeek week, Region region) {
        day.used++;
        day.evUsed++;
        packs.get(region).get(week)[1]++;
        advanceCursor();
    }

    private int startIndex(LocalDate notBefore) {
        int low = 0;
        int high = days.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days.get(mid).date.isBefore(notBefore)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return Math.max(low, firstOpen);
    }

    private void advanceCursor() {
        while (firstOpen < days.size() && !days.get(firstOpen).hasRoomForEv()) {
            firstOpen++;
        }
    }
}
