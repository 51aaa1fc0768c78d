package com.busanev.production.plan;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import java.time.LocalDate;

/**
 * The builds a change of a region's packs concerns, in the order the plan serves them: the planner takes its moves
 * and re-slots from these queries, and a what-if reads the same rows (projected) to replay them.
 */
public final class PackQueries {
    private PackQueries() {
    }

    /**
     * The scheduled builds of a region's week that give up their packs first when the week has too few (lowest
     * priority, latest order), from {@code start} on: today's frozen sequence and started builds keep theirs.
     */
    public static PanacheQuery<Build> givingUp(Region region, IsoWeek week, LocalDate start) {
        LocalDate from = week.monday().isBefore(start) ? start : week.monday();
        return Build.find("status = ?1 and region = ?2 and plannedDate between ?3 and ?4 order by "
                + PlanPriority.GIVES_UP_FIRST.orderBy(), BuildStatus.SCHEDULED, region, from, week.sunday());
    }

    /** The region's orders blocked for packs in {@code upTo} or earlier, the first to get new packs first. */
    public static PanacheQuery<Build> waitingForPacks(Region region, IsoWeek upTo) {
        return Build.find("status = ?1 and region = ?2 and blockedReason = ?3 and blockedWeek <= ?4 order by "
                + PlanPriority.SLOTS_FIRST.orderBy(), BuildStatus.BLOCKED, region, BlockReason.NO_PACKS, upTo.toString());
    }
}
