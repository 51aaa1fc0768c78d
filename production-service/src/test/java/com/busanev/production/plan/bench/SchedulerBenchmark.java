package com.busanev.production.plan.bench;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.calendar.PlantCalendar;
import com.busanev.production.plan.LineDay;
import com.busanev.production.plan.LinePlan;
import com.busanev.production.plan.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A year of Busan volume through the pure scheduling core: 300,000 orders slotted, 10% cancelled, a calendar
 * cut (a week of downtime) with its fewest-moves rescheduling, and a region without packs whose orders all scan
 * the whole horizon before they block. Not a test: run it with the command in docs/benchmarks/scheduler.md and
 * read the medians it prints. Seeded, so every run plans the same orders.
 */
public final class SchedulerBenchmark {
    private static final int ORDERS = 300_000;
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final Region[] REGIONS = {Region.NA, Region.NA, Region.NA, Region.NA, Region.NA,
            Region.EU, Region.EU, Region.EU, Region.KR, Region.KR};

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        PlantCalendar year = yearOfPolestarOnly();
        List<LineDay> days = year.lineDays(START);
        System.out.printf("horizon %d working days, %d slots a day, %d slots in all, %d orders%n",
                days.size(), days.get(0).capacity(), days.size() * (long) days.get(0).capacity(), ORDERS);

        // Warm-up so the JIT has compiled the hot paths before anything is timed.
        for (int i = 0; i < 3; i++) {
            runOnce(year, false);
        }
        long[][] samples = new long[4][runs];
        for (int r = 0; r < runs; r++) {
            long[] run = runOnce(year, r == 0);
            for (int k = 0; k < run.length; k++) {
                samples[k][r] = run[k];
            }
        }
        String[] names = {"slot 300,000 orders", "cancel 30,000 builds", "calendar cut: rebuild + find excess + move",
                "50,000 orders of a region without packs"};
        int[] ops = {ORDERS, ORDERS / 10, 1, 50_000};
        System.out.printf("median of %d runs:%n", runs);
        for (int k = 0; k < names.length; k++) {
            long median = median(samples[k]);
            String rate = ops[k] > 1 ? String.format("  (%,.0f per second)", ops[k] * 1e9 / median) : "";
            System.out.printf("  %-45s %8.1f ms%s%n", names[k], median / 1e6, rate);
        }
    }

    /** Returns the wall times (ns) of the four phases. */
    private static long[] runOnce(PlantCalendar calendar, boolean report) {
        Random random = new Random(42);
        List<LineDay> days = calendar.lineDays(START);
        LinePlan plan = new LinePlan(days);
        int weeklyCapacity = days.get(0).capacity() * 5;
        IsoWeek first = IsoWeek.of(START);
        for (int w = 0; w < 54; w++) {
            // Packs slightly short of the line in NA so some orders roll into later weeks.
            plan.allocatePacks(first.plusWeeks(w), Region.NA, weeklyCapacity * 45 / 100);
            plan.allocatePacks(first.plusWeeks(w), Region.EU, weeklyCapacity * 32 / 100);
            plan.allocatePacks(first.plusWeeks(w), Region.KR, weeklyCapacity * 23 / 100);
        }
        Region[] regions = new Region[ORDERS];
        LocalDate[] notBefore = new LocalDate[ORDERS];
        for (int i = 0; i < ORDERS; i++) {
            regions[i] = REGIONS[random.nextInt(REGIONS.length)];
            // A third of the orders ask for a week up to half a year out; the rest take the earliest slot.
            notBefore[i] = random.nextInt(3) == 0 ? START.plusWeeks(random.nextInt(26)) : START;
        }

        LocalDate[] planned = new LocalDate[ORDERS];
        long t0 = System.nanoTime();
        int scheduled = 0;
        for (int i = 0; i < ORDERS; i++) {
            if (plan.slot(regions[i], notBefore[i]) instanceof Slot.Scheduled s) {
                planned[i] = s.date();
                scheduled++;
            }
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < ORDERS; i += 10) {
            if (planned[i] != null) {
                plan.release(planned[i], regions[i]);
                planned[i] = null;
            }
        }
        long t2 = System.nanoTime();
        // A week of downtime in the middle of the year: its builds are the excess to move.
        LocalDate cutFrom = START.plusWeeks(26);
        List<LineDay> cut = new ArrayList<>();
        for (LineDay day : calendar.lineDays(START)) {
            if (day.date().isBefore(cutFrom) || !day.date().isBefore(cutFrom.plusWeeks(1))) {
                cut.add(day);
            }
        }
        LinePlan replanned = plan.withDays(cut);
        Map<LocalDate, Integer> excess = replanned.overbookedDays();
        int moved = 0;
        for (int i = 0; i < ORDERS; i++) {
            Integer left = planned[i] == null ? null : excess.get(planned[i]);
            if (left != null && left > 0) {
                excess.put(planned[i], left - 1);
                replanned.release(planned[i], regions[i]);
                replanned.slot(regions[i], planned[i]);
                moved++;
            }
        }
        long t3 = System.nanoTime();
        // Worst case for the scan: a region with no packs anywhere walks the whole horizon per order.
        LinePlan dry = new LinePlan(calendar.lineDays(START));
        for (int i = 0; i < 50_000; i++) {
            dry.slot(Region.EU, START);
        }
        long t4 = System.nanoTime();
        if (report) {
            System.out.printf("scheduled %,d of %,d, moved %,d for the calendar cut%n", scheduled, ORDERS, moved);
        }
        return new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
    }

    /** The default Busan calendar with the whole line for Polestar 4, over a year: room for a year's 300,000. */
    private static PlantCalendar yearOfPolestarOnly() {
        PlantCalendar busan = PlantCalendar.busanDefault();
        return new PlantCalendar(busan.workingDays(), busan.shifts(), busan.holidays(), busan.downtime(), 0, 1.0, 53);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
