package com.busanev.supplier.schedule;

import com.busanev.events.IsoWeek;
import com.busanev.supplier.allocation.AllocationRecord;
import com.busanev.supplier.allocation.SupplyPlanner;
import com.busanev.supplier.allocation.SupplyPlanner.DemandShare;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a contract is needed for each week of a schedule, before the flex clamp. A week with an announced allocation
 * (any region) needs what the allocation takes from the contract. A week without one yet, typically one that no stock
 * or notice supplies so far (this week and the next of a new contract or a new plant plan), needs the contract's share
 * of the week's real demand as the allocator would split it over the contracts' commitments: calling off the flex
 * minimum there would tell the supplier nothing about the cars waiting. A week with neither needs nothing. Runs in the
 * caller's session.
 */
@ApplicationScoped
public class ScheduleNeeds {
    /** The packs a week needs from the contract and where the number comes from. */
    public record Need(int packs, Basis basis) {
        static final Need NONE = new Need(0, Basis.FLEX_MINIMUM);
    }

    private final SupplyPlanner planner;

    ScheduleNeeds(SupplyPlanner planner) {
        this.planner = planner;
    }

    public Uni<Map<IsoWeek, Need>> of(UUID contractId, List<IsoWeek> weeks) {
        return AllocationRecord.<AllocationRecord>list("week in ?1", weeks.stream().map(IsoWeek::toString).toList())
                .chain(records -> {
                    Map<String, Integer> allocated = new HashMap<>();
                    records.forEach(r -> allocated.merge(r.week, r.packsOf(contractId), Integer::sum));
                    List<IsoWeek> unallocated = weeks.stream()
                            .filter(week -> !allocated.containsKey(week.toString())).toList();
                    return (unallocated.isEmpty() ? Uni.createFrom().item(Map.<IsoWeek, DemandShare>of())
                            : planner.demandShares(unallocated))
                            .map(shares -> {
                                Map<IsoWeek, Need> needs = new HashMap<>();
                                weeks.forEach(week -> needs.put(week, allocated.containsKey(week.toString())
                                        ? new Need(allocated.get(week.toString()), Basis.ALLOCATION)
                                        : share(contractId, shares.get(week))));
                                return needs;
                            });
                });
    }

    private static Need share(UUID contractId, DemandShare share) {
        return share.demand() > 0 ? new Need(share.packs().getOrDefault(contractId, 0), Basis.DEMAND_SHARE) : Need.NONE;
    }
}
