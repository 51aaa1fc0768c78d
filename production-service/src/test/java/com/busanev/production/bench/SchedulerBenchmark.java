package com.busanev.production.bench;

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
 * Slots a year of Busan output (300,000 orders) with the pure {@link LinePlan}, the algorithm the service runs per
 * event. Not a test: run it with the command in docs/benchmarks/scheduler.md. Prints the median of several runs
 * after warm-up for five scenarios: ample packs, scarce packs (a third of the orders block), ample packs with a
 * draft per order as the service plans (the copy-on-first-write cost), cancelling 10% of the builds with their
 * freed slots re-filled, and a calendar cut of four weeks of downtime rescheduled with the fewest moves.
 */
public final class SchedulerBenchmark {
    private static final int ORDERS = 300_000;
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final Region[] REGIONS = {Region.NA, Region.EU, Region.KR};
    private static final double[] REGION_SHARE = {0.60, 0.25, 0.15};
    private static final int WARMUP = 5;
    private static final int RUNS = 7;

    private record Order(Region region, LocalDate notBefore) {
    }

    public static void main(String[] args) {
        // The whole line for the Polestar 4 over one year (no Renault reservation, no EV cap) so that 300,000
        // orders fill it almost exactly: the densest case for the scan.
        PlantCalendar busan = PlantCalendar.busanDefault();
        PlantCalendar wholeLine = new PlantCalendar(busan.workingDays(), busan.shifts(), busan.holidays(), List.of(),
                0, 1.0, 52);
        List<LineDay> days = wholeLine.lineDays(START);
        int slots = days.stream().mapToInt(LineDay::capacity).sum();
        List<Order> orders = orders(new Random(42));
        System.out.printf("%d working days, %d line slots, %d orders, %s, %d cores%n", days.size(), slots, ORDERS,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        report("slot 300k, ample packs", timer -> slotAll(wholeLine, orders, 1.05, timer).scheduled);
        report("slot 300k, packs for 2/3", timer -> slotAll(wholeLine, orders, 0.66, timer).scheduled);
        report("slot 300k, a draft per order", timer -> draftPerOrder(wholeLine, orders, timer));
        report("cancel 10% and re-slot", timer -> cancelAndRefill(wholeLine, orders, timer));
        report("4-week downtime, fewest moves", timer -> calendarCut(wholeLine, orders, timer));
    }

    private static List<Order> orders(Random random) {
        List<Order> orders = new ArrayList<>(ORDERS);
        for (int i = 0; i < ORDERS; i++) {
            double r = random.nextDouble();
            Region region = r < REGION_SHARE[0] ? REGIONS[0] : r < REGION_SHARE[0] + REGION_SHARE[1] ? REGIONS[1] : REGIONS[2];
            // Orders arrive through the year; most ask for a week a few weeks after they are placed, some for none.
            LocalDate placed = START.plusDays(i * 364L / ORDERS);
            LocalDate notBefore = random.nextInt(10) < 3 ? START : placed.plusWeeks(random.nextInt(8));
            orders.add(new Order(region, notBefore));
        }
        return orders;
    }

    private record Outcome(LinePlan.Draft plan, LocalDate[] planned, int scheduled) {
    }

    /** An empty plan with packs per week and region: the region's share of the week's line slots times {@code cover}. */
    private static LinePlan.Draft withPacks(PlantCalendar calendar, double cover) {
        List<LineDay> days = calendar.lineDays(START);
        LinePlan.Draft plan = new LinePlan(days).edit();
        Map<IsoWeek, Integer> weekly = new java.util.HashMap<>();
        days.forEach(d -> weekly.merge(IsoWeek.of(d.date()), d.capacity(), Integer::sum));
        weekly.forEach((week, capacity) -> {
            for (int r = 0; r < REGIONS.length; r++) {
                plan.allocatePacks(week, REGIONS[r], (int) Math.ceil(capacity * REGION_SHARE[r] * cover));
            }
        });
        return plan;
    }

    private static Outcome slotAll(PlantCalendar calendar, List<Order> orders, double cover, Timer timer) {
        LinePlan.Draft plan = withPacks(calendar, cover);
        LocalDate[] planned = new LocalDate[orders.size()];
        int scheduled = 0;
        timer.start();
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            if (plan.slot(order.region, order.notBefore) instanceof Slot.Scheduled s) {
                planned[i] = s.date();
                scheduled++;
            }
        }
        timer.stop();
        return new Outcome(plan, planned, scheduled);
    }

    /**
     * As the service plans: each order in its own unit of work, on a draft of the last committed version that is
     * committed as the next. The difference to "ample packs" is the copy a draft makes on its first write.
     */
    private static int draftPerOrder(PlantCalendar calendar, List<Order> orders, Timer timer) {
        LinePlan version = withPacks(calendar, 1.05).commit();
        int scheduled = 0;
        timer.start();
        for (Order order : orders) {
            LinePlan.Draft draft = version.edit();
            if (draft.slot(order.region, order.notBefore) instanceof Slot.Scheduled) {
                scheduled++;
            }
            version = draft.commit();
        }
        timer.stop();
        return scheduled;
    }

    private static int cancelAndRefill(PlantCalendar calendar, List<Order> orders, Timer timer) {
        Outcome outcome = slotAll(calendar, orders, 1.05, Timer.OFF);
        Random random = new Random(7);
        int moves = 0;
        timer.start();
        for (int i = 0; i < orders.size(); i++) {
            if (outcome.planned[i] != null && random.nextInt(10) == 0) {
                outcome.plan.release(outcome.planned[i], orders.get(i).region);
                // The freed slot goes to the next order of the region that wants it, as a blocked order would.
                Order next = orders.get(random.nextInt(orders.size()));
                if (outcome.plan.slot(next.region, next.notBefore) instanceof Slot.Scheduled) {
                    moves++;
                }
            }
        }
        timer.stop();
        return moves;
    }

    private static int calendarCut(PlantCalendar calendar, List<Order> orders, Timer timer) {
        Outcome outcome = slotAll(calendar, orders, 1.05, Timer.OFF);
        PlantCalendar cut = new PlantCalendar(calendar.workingDays(), calendar.shifts(), calendar.holidays(),
                List.of(new PlantCalendar.Downtime(START.plusWeeks(20), START.plusWeeks(24), "retooling")),
                calendar.renaultReservedPerDay(), calendar.evShareCap(), calendar.horizonWeeks());
        timer.start();
        LinePlan.Draft replanned = outcome.plan;
        replanned.replaceDays(cut.lineDays(START));
        Map<LocalDate, Integer> excess = replanned.overbookedDays();
        // Move only each day's excess; builds of the dropped days are the latest-placed on them.
        int moved = 0;
        for (int i = orders.size() - 1; i >= 0; i--) {
            LocalDate day = outcome.planned[i];
            Integer over = day == null ? null : excess.get(day);
            if (over != null && over > 0) {
                excess.put(day, over - 1);
                replanned.release(day, orders.get(i).region);
                replanned.slot(orders.get(i).region, day);
                moved++;
            }
        }
        timer.stop();
        return moved;
    }

    /** Times only the measured phase of a scenario, not the plan it starts from. */
    private static final class Timer {
        static final Timer OFF = new Timer();
        private long started;
        private long elapsed;

        void start() {
            started = System.nanoTime();
        }

        void stop() {
            elapsed = System.nanoTime() - started;
        }
    }

    private interface Scenario {
        int run(Timer timer);
    }

    private static void report(String name, Scenario scenario) {
        for (int i = 0; i < WARMUP; i++) {
            scenario.run(new Timer());
        }
        long[] millis = new long[RUNS];
        int result = 0;
        for (int i = 0; i < RUNS; i++) {
            Timer timer = new Timer();
            result = scenario.run(timer);
            millis[i] = timer.elapsed / 1_000_000;
        }
        Arrays.sort(millis);
        long median = millis[RUNS / 2];
        System.out.printf("%-32s median %5d ms (min %d, max %d) over %d runs; %,d builds slotted/moved%n", name, median,
                millis[0], millis[RUNS - 1], RUNS, result);
    }
}
