package com.busanev.production.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePlanTest {
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
    private static final IsoWeek W09 = IsoWeek.of(MONDAY);
    private static final IsoWeek W10 = W09.plusWeeks(1);

    /** Two weeks of weekdays with {@code capacity} Polestar slots and {@code ev} EV slots each. */
    private static List<LineDay> days(int capacity, int ev) {
        List<LineDay> days = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            LocalDate day = MONDAY.plusDays(i);
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(new LineDay(day, capacity, ev));
            }
        }
        return days;
    }

    private static LinePlan.Draft plan(int capacity, int ev) {
        return new LinePlan(days(capacity, ev)).edit();
    }

    @Test
    void slotsTheEarliestDayWithLineRoomEvRoomAndAPack() {
        LinePlan.Draft plan = plan(2, 2);
        plan.allocatePacks(W09, Region.NA, 10);
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY.plusDays(1)));
        assertThat(plan.packsLeft(W09, Region.NA)).isEqualTo(7);
    }

    @Test
    void theEvCapLimitsADayBelowItsLineCapacity() {
        LinePlan.Draft plan = plan(5, 1);
        plan.allocatePacks(W09, Region.EU, 10);
        assertThat(plan.slot(Region.EU, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(plan.slot(Region.EU, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY.plusDays(1)));
    }

    @Test
    void packsAreCountedPerRegionAndWeek() {
        LinePlan.Draft plan = plan(10, 10);
        plan.allocatePacks(W09, Region.NA, 1);
        plan.allocatePacks(W10, Region.EU, 1);
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(plan.slot(Region.EU, MONDAY)).isEqualTo(new Slot.Scheduled(W10.monday()));
        Slot blocked = plan.slot(Region.NA, MONDAY);
        assertThat(blocked).isInstanceOf(Slot.Blocked.class);
        assertThat(((Slot.Blocked) blocked).reason()).isEqualTo(BlockReason.NO_PACKS);
        assertThat(((Slot.Blocked) blocked).week()).isEqualTo(W09);
    }

    @Test
    void noCapacityBeforeTheEndOfTheHorizonIsNotAPackProblem() {
        LinePlan.Draft plan = plan(1, 1);
        plan.allocatePacks(W09, Region.KR, 100);
        plan.allocatePacks(W10, Region.KR, 100);
        for (int i = 0; i < 10; i++) {
            assertThat(plan.slot(Region.KR, MONDAY)).isInstanceOf(Slot.Scheduled.class);
        }
        Slot blocked = plan.slot(Region.KR, MONDAY);
        assertThat(((Slot.Blocked) blocked).reason()).isEqualTo(BlockReason.NO_CAPACITY);
    }

    @Test
    void neverBeforeTheRequestedDay() {
        LinePlan.Draft plan = plan(10, 10);
        plan.allocatePacks(W09, Region.NA, 10);
        plan.allocatePacks(W10, Region.NA, 10);
        assertThat(plan.slot(Region.NA, W10.monday().plusDays(2))).isEqualTo(new Slot.Scheduled(W10.monday().plusDays(2)));
    }

    @Test
    void aReleasedSlotAndPackCanBeTakenAgain() {
        LinePlan.Draft plan = plan(1, 1);
        plan.allocatePacks(W09, Region.NA, 1);
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(plan.slot(Region.NA, MONDAY)).isInstanceOf(Slot.Blocked.class);
        plan.release(MONDAY, Region.NA);
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
    }

    @Test
    void aCalendarCutShowsOnlyTheExcessOfEachDay() {
        LinePlan.Draft plan = plan(3, 3);
        plan.allocatePacks(W09, Region.EU, 100);
        for (int i = 0; i < 4; i++) {
            plan.slot(Region.EU, MONDAY);
        }
        List<LineDay> cut = new ArrayList<>();
        for (LineDay day : days(3, 3)) {
            // Monday loses two slots; Tuesday disappears from the calendar (downtime).
            if (!day.date().equals(MONDAY.plusDays(1))) {
                cut.add(new LineDay(day.date(), day.date().equals(MONDAY) ? 1 : 3, 3));
            }
        }
        plan.replaceDays(cut);
        assertThat(plan.overbookedDays()).containsEntry(MONDAY, 2).containsEntry(MONDAY.plusDays(1), 1).hasSize(2);
        assertThat(plan.packsLeft(W09, Region.EU)).isEqualTo(96);
        // Tuesday's build moves to its earliest feasible day from Tuesday on; the dropped day keeps its count.
        plan.release(MONDAY.plusDays(1), Region.EU);
        assertThat(plan.slot(Region.EU, MONDAY.plusDays(1))).isEqualTo(new Slot.Scheduled(MONDAY.plusDays(2)));
        assertThat(plan.overbookedDays()).containsOnlyKeys(MONDAY);
    }

    @Test
    void aLaterFirstDayDropsThePastAndKeepsWhatStaysAsAReloadWould() {
        LinePlan.Draft plan = plan(2, 2);
        plan.allocatePacks(W09, Region.NA, 5);
        plan.allocatePacks(W10, Region.NA, 5);
        for (int i = 0; i < 4; i++) {
            plan.slot(Region.NA, MONDAY); // Monday and Tuesday, two each: one of W09's packs left
        }
        LinePlan before = plan.commit();
        // From Wednesday: Monday and Tuesday leave the days, but their builds still hold W09's packs; a day beyond
        // the old end comes in with the calendar.
        LocalDate wednesday = MONDAY.plusDays(2);
        List<LineDay> calendar = new ArrayList<>(days(2, 2).stream().filter(d -> !d.date().isBefore(wednesday)).toList());
        calendar.add(new LineDay(MONDAY.plusDays(14), 2, 2));
        plan.advanceTo(wednesday, calendar);
        assertThat(plan.packsLeft(W09, Region.NA)).isEqualTo(1);
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(wednesday));
        assertThat(plan.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(W10.monday()));
        LinePlan advanced = plan.commit();
        assertThat(advanced.slotsTaken(MONDAY)).isZero();
        assertThat(advanced.slotsTaken(wednesday)).isEqualTo(1);
        assertThat(advanced.weeks()).containsExactly(W09, W10, W10.plusWeeks(1));
        // A week later W09 leaves with its packs; the versions before stay as they were.
        plan.advanceTo(W10.monday(), calendar.stream().filter(d -> !d.date().isBefore(W10.monday())).toList());
        assertThat(plan.packsLeft(W10, Region.NA)).isEqualTo(4);
        assertThat(plan.commit().weeks()).containsExactly(W10, W10.plusWeeks(1));
        assertThat(before.slotsTaken(MONDAY)).isEqualTo(2);
        assertThat(advanced.slotsTaken(W10.monday())).isEqualTo(1);
    }

    @Test
    void aDraftNeverWritesTheVersionItStartedFrom() {
        LinePlan.Draft draft = plan(2, 2);
        draft.allocatePacks(W09, Region.NA, 5);
        LinePlan version = draft.commit();
        assertThat(draft.hasChanges()).isFalse();

        // The draft goes on from the version it committed, on its own copy.
        assertThat(draft.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(draft.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        draft.release(MONDAY, Region.NA);
        assertThat(draft.hasChanges()).isTrue();
        assertThat(version.slotsTaken(MONDAY)).isZero();
        assertThat(version.packsLeft(W09, Region.NA)).isEqualTo(5);

        // A second draft of the same version sees none of the first one's changes.
        LinePlan.Draft other = version.edit();
        assertThat(other.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        assertThat(other.slot(Region.NA, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY));
        other.allocatePacks(W09, Region.EU, 7);
        assertThat(other.slot(Region.EU, MONDAY)).isEqualTo(new Slot.Scheduled(MONDAY.plusDays(1)));
        LinePlan otherVersion = other.commit();
        assertThat(otherVersion.slotsTaken(MONDAY)).isEqualTo(2);
        assertThat(otherVersion.packsLeft(W09, Region.EU)).isEqualTo(6);
        assertThat(version.packsLeft(W09, Region.EU)).isZero();
        LinePlan changed = draft.commit();
        assertThat(changed.slotsTaken(MONDAY)).isEqualTo(1);
        assertThat(changed.packsLeft(W09, Region.NA)).isEqualTo(4);
        assertThat(version.slotsTaken(MONDAY)).isZero();
    }

    @Test
    void anOrderThatStaysBlockedChangesNothing() {
        LinePlan.Draft draft = plan(1, 1).commit().edit();
        assertThat(draft.slot(Region.KR, MONDAY)).isInstanceOf(Slot.Blocked.class);
        assertThat(draft.overbookedDays()).isEmpty();
        assertThat(draft.hasChanges()).isFalse();
    }

    @Test
    void aWeekWithoutPacksIsSkippedWholeAndNamedAsTheBlocker() {
        LinePlan.Draft plan = plan(1, 1);
        plan.allocatePacks(W10, Region.NA, 1);
        assertThat(plan.slot(Region.NA, MONDAY.plusDays(2))).isEqualTo(new Slot.Scheduled(W10.monday()));
        // Week 10 has line room left but its one pack is taken; week 9 never had packs: the first blocker is named.
        Slot blocked = plan.slot(Region.NA, MONDAY.plusDays(2));
        assertThat(((Slot.Blocked) blocked).reason()).isEqualTo(BlockReason.NO_PACKS);
        assertThat(((Slot.Blocked) blocked).week()).isEqualTo(W09);
        assertThat(plan.slot(Region.EU, MONDAY)).isInstanceOf(Slot.Blocked.class);
    }
}
