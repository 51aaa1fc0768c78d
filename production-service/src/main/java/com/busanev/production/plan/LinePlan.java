package com.busanev.production.plan;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the finite-capacity plan of the Busan line over the planning horizon, as counters: per working day
 * the Polestar slots taken (every Polestar 4 is an EV, so each also takes an EV slot), per ISO week and region the
 * battery packs allocated and taken. A build needs a line slot, an EV slot and a pack of its region's week.
 *
 * <p>A version never changes, so it can be cached and read by anyone. Changes go through a {@link Draft} of it
 * ({@link #edit()}), which copies the counters on its first write (an int per day and the pack budgets: about a
 * microsecond for a 26-week horizon, docs/benchmarks/scheduler.md) and becomes a new version with
 * {@link Draft#commit()}; a draft that is dropped leaves no trace.
 *
 * <p>Slotting scans the days in order from the earliest allowed one, skipping the prefix of days that are
 * already full (a per-plan cursor) and, for a region, whole weeks without packs left; a slot costs O(log D) for
 * the start day plus the days and weeks stepped over, and a year of orders is slotted in well under a second
 * (docs/benchmarks/scheduler.md). Pure (no I/O); a draft is not thread-safe: the service serializes planning.
 */
public final class LinePlan {
    private final Horizon horizon;
    private final int[] taken;
    private final Map<Region, Map<IsoWeek, Budget>> packs;
    /** Days before this index have no line or EV room left for anyone. */
    private final int firstOpen;

    /** An empty plan over these days: no builds, no packs. */
    public LinePlan(List<LineDay> days) {
        this(new Horizon(days), new int[days.size()], noPacks(), 0);
    }

    private LinePlan(Horizon horizon, int[] taken, Map<Region, Map<IsoWeek, Budget>> packs, int firstOpen) {
        this.horizon = horizon;
        this.taken = taken;
        this.packs = packs;
        this.firstOpen = firstOpen;
    }

    /** A draft starting from this version; this version stays as it is whatever the draft does. */
    public Draft edit() {
        return new Draft(this);
    }

    public int packsLeft(IsoWeek week, Region region) {
        return left(packs, week, region);
    }

    /** The ISO weeks the plan's days fall in, in order. */
    public List<IsoWeek> weeks() {
        return Arrays.stream(horizon.weekOf).distinct().toList();
    }

    /**
     * Per ISO week of the horizon (in order), the builds the region could still add: the week's free line and EV
     * slots, capped by the region's packs left that week. Line room is shared by the regions, so the figures of two
     * regions do not add up.
     */
    public Map<IsoWeek, Integer> freeByWeek(Region region) {
        Map<IsoWeek, Integer> lineFree = new LinkedHashMap<>();
        for (int i = 0; i < taken.length; i++) {
            lineFree.merge(horizon.weekOf[i], Math.max(0, horizon.room[i] - taken[i]), Integer::sum);
        }
        Map<IsoWeek, Integer> free = new LinkedHashMap<>();
        lineFree.forEach((week, room) -> free.put(week, Math.max(0, Math.min(room, left(packs, week, region)))));
        return free;
    }

    /** Builds holding a slot on that day (0 for a day outside the horizon). */
    public int slotsTaken(LocalDate date) {
        Integer i = horizon.index.get(date);
        return i == null ? 0 : taken[i];
    }

    /**
     * The only way to change a plan: a private working copy of one version. Reads share the version's counters
     * until the first write copies them, so a draft that only looks (an order that stays blocked) costs nothing.
     */
    public static final class Draft {
        private Horizon horizon;
        private int[] taken;
        private Map<Region, Map<IsoWeek, Budget>> packs;
        private int firstOpen;
        /** True once this draft owns copies of the counters and wrote them since it started or last committed. */
        private boolean changed;
        /** Regions whose budgets this draft has copied since it last started copying (a slot writes one region). */
        private final Set<Region> copiedRegions = EnumSet.noneOf(Region.class);

        private Draft(LinePlan base) {
            horizon = base.horizon;
            taken = base.taken;
            packs = base.packs;
            firstOpen = base.firstOpen;
        }

        /** Whether {@link #commit()} would give a version other than the one this draft started from. */
        public boolean hasChanges() {
            return changed;
        }

        /** This draft as a version; the draft goes on from it, copying again on its next write. */
        public LinePlan commit() {
            changed = false;
            return new LinePlan(horizon, taken, packs, firstOpen);
        }

        /** The total packs allocated to a week and region (PacksAllocated carries totals). */
        public void allocatePacks(IsoWeek week, Region region, int allocated) {
            Map<IsoWeek, Budget> budgets = budgets(region);
            budgets.put(week, new Budget(allocated, budgets.getOrDefault(week, Budget.NONE).taken()));
        }

        public int packsLeft(IsoWeek week, Region region) {
            return left(packs, week, region);
        }

        /** Earliest day on or after {@code notBefore} with a line slot, an EV slot and a pack; takes them. */
        public Slot slot(Region region, LocalDate notBefore) {
            IsoWeek missingPacks = null;
            int i = startIndex(notBefore);
            while (i < taken.length) {
                if (taken[i] >= horizon.room[i]) {
                    i++;
                    continue;
                }
                IsoWeek week = horizon.weekOf[i];
                if (packsLeft(week, region) <= 0) {
                    if (missingPacks == null) {
                        missingPacks = week;
                    }
                    i = horizon.nextWeek[i];
                    continue;
                }
                write();
                taken[i]++;
                takePacks(week, region, 1);
                advanceCursor();
                return new Slot.Scheduled(horizon.days.get(i).date());
            }
            if (missingPacks != null) {
                return new Slot.Blocked(BlockReason.NO_PACKS, missingPacks,
                        "no battery packs allocated for " + region + " in " + missingPacks
                                + " or any later week of the horizon with line capacity");
            }
            IsoWeek requested = IsoWeek.of(notBefore.isBefore(horizon.start()) ? horizon.start() : notBefore);
            return new Slot.Blocked(BlockReason.NO_CAPACITY, requested,
                    "no line capacity left from " + requested + " to the end of the planning horizon ("
                            + horizon.end() + ")");
        }

        /** Gives back the slot and the pack of a build that is cancelled or moved. */
        public void release(LocalDate date, Region region) {
            write();
            Integer i = horizon.index.get(date);
            if (i != null) {
                taken[i]--;
                firstOpen = Math.min(firstOpen, i);
            }
            Budget budget = packs.get(region).get(IsoWeek.of(date));
            if (budget != null) {
                budgets(region).put(IsoWeek.of(date), new Budget(budget.allocated(), budget.taken() - 1));
            }
        }

        /** Takes {@code count} slots on a known day, for builds loaded from storage. */
        public void occupy(LocalDate date, Region region, int count) {
            write();
            Integer i = horizon.index.get(date);
            if (i != null) {
                taken[i] += count;
            }
            takePacks(IsoWeek.of(date), region, count);
            advanceCursor();
        }

        /** How many builds each day must give up after its capacity was cut; the fewest moves that fit. */
        public Map<LocalDate, Integer> overbookedDays() {
            Map<LocalDate, Integer> excess = new HashMap<>();
            for (int i = 0; i < taken.length; i++) {
                if (taken[i] > horizon.room[i]) {
                    excess.put(horizon.days.get(i).date(), taken[i] - horizon.room[i]);
                }
            }
            return excess;
        }

        /**
         * New day capacities (a calendar change); builds keep their days and packs. A day the new calendar drops
         * keeps its builds with zero capacity, so it shows as overbooked.
         */
        public void replaceDays(List<LineDay> newDays) {
            rebuild(newDays, LocalDate.MIN);
        }

        /**
         * The plan as it stands from a later first day: the days before {@code start} and the pack budgets of the weeks
         * before its week leave it, the calendar's {@code days} from {@code start} on come in (the horizon's end moves
         * with its start). What stays keeps its builds and packs, so the result is the plan a reload from storage at
         * {@code start} would give, without the reload.
         */
        public void advanceTo(LocalDate start, List<LineDay> days) {
            rebuild(days, start);
            IsoWeek first = IsoWeek.of(start);
            for (Region region : Region.values()) {
                if (packs.get(region).keySet().stream().anyMatch(week -> week.compareTo(first) < 0)) {
                    budgets(region).keySet().removeIf(week -> week.compareTo(first) < 0);
                }
            }
        }

        /** New days from {@code start} on; a day dropped that holds builds stays with no capacity (overbooked). */
        private void rebuild(List<LineDay> newDays, LocalDate start) {
            write();
            Set<LocalDate> kept = new HashSet<>();
            newDays.forEach(day -> kept.add(day.date()));
            List<LineDay> merged = new ArrayList<>(newDays);
            for (int i = 0; i < taken.length; i++) {
                LocalDate date = horizon.days.get(i).date();
                if (taken[i] > 0 && !kept.contains(date) && !date.isBefore(start)) {
                    merged.add(new LineDay(date, 0, 0));
                }
            }
            merged.sort(Comparator.comparing(LineDay::date));
            Horizon replanned = new Horizon(merged);
            int[] moved = new int[merged.size()];
            for (int i = 0; i < taken.length; i++) {
                Integer to = replanned.index.get(horizon.days.get(i).date());
                if (to != null) {
                    moved[to] = taken[i];
                }
            }
            horizon = replanned;
            taken = moved;
            firstOpen = 0;
            advanceCursor();
        }

        /**
         * Copy on first write: the version this draft started from is never written. The day counters are copied
         * at once, each region's budgets when first written ({@link #budgets}).
         */
        private void write() {
            if (!changed) {
                taken = taken.clone();
                packs = new EnumMap<>(packs);
                copiedRegions.clear();
                changed = true;
            }
        }

        /** A region's budgets for writing. */
        private Map<IsoWeek, Budget> budgets(Region region) {
            write();
            if (copiedRegions.add(region)) {
                packs.put(region, new HashMap<>(packs.get(region)));
            }
            return packs.get(region);
        }

        private void takePacks(IsoWeek week, Region region, int count) {
            Map<IsoWeek, Budget> budgets = budgets(region);
            Budget budget = budgets.getOrDefault(week, Budget.NONE);
            budgets.put(week, new Budget(budget.allocated(), budget.taken() + count));
        }

        private int startIndex(LocalDate notBefore) {
            int low = 0;
            int high = taken.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (horizon.days.get(mid).date().isBefore(notBefore)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return Math.max(low, firstOpen);
        }

        private void advanceCursor() {
            while (firstOpen < taken.length && taken[firstOpen] >= horizon.room[firstOpen]) {
                firstOpen++;
            }
        }
    }

    /** Packs of one week and region; replaced, never changed, so copying a plan copies only the maps. */
    private record Budget(int allocated, int taken) {
        static final Budget NONE = new Budget(0, 0);
    }

    private static int left(Map<Region, Map<IsoWeek, Budget>> packs, IsoWeek week, Region region) {
        Budget budget = packs.get(region).get(week);
        return budget == null ? 0 : budget.allocated() - budget.taken();
    }

    private static Map<Region, Map<IsoWeek, Budget>> noPacks() {
        Map<Region, Map<IsoWeek, Budget>> packs = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            packs.put(region, new HashMap<>());
        }
        return packs;
    }

    /**
     * The days of a plan in date order and what every version over them shares: each day's room, its ISO week and
     * the index of the first day of the following week (a week without packs is skipped whole).
     */
    private static final class Horizon {
        final List<LineDay> days;
        final int[] room;
        final IsoWeek[] weekOf;
        final int[] nextWeek;
        final Map<LocalDate, Integer> index = new HashMap<>();

        Horizon(List<LineDay> days) {
            this.days = List.copyOf(days);
            int n = this.days.size();
            room = new int[n];
            weekOf = new IsoWeek[n];
            nextWeek = new int[n];
            for (int i = 0; i < n; i++) {
                LocalDate date = this.days.get(i).date();
                index.put(date, i);
                room[i] = this.days.get(i).room();
                weekOf[i] = i > 0 && date.isBefore(weekOf[i - 1].monday().plusWeeks(1)) ? weekOf[i - 1] : IsoWeek.of(date);
            }
            for (int i = n - 1; i >= 0; i--) {
                nextWeek[i] = i + 1 < n && weekOf[i + 1].equals(weekOf[i]) ? nextWeek[i + 1] : i + 1;
            }
        }

        LocalDate start() {
            return days.isEmpty() ? LocalDate.MAX : days.get(0).date();
        }

        LocalDate end() {
            return days.isEmpty() ? LocalDate.MIN : days.get(days.size() - 1).date();
        }
    }
}
