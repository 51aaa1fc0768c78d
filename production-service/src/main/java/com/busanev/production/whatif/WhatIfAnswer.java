package com.busanev.production.whatif;

import com.busanev.events.BlockReason;
import com.busanev.events.Markets;
import com.busanev.events.Region;
import com.busanev.production.plan.Slot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a hypothetical supply would do to the plan, per market; nothing of it is real. */
@Schema(description = "The effect of hypothetical supply changes on the plan, per market")
public record WhatIfAnswer(
        @Schema(description = "First day of the plan the what-if ran on (today's frozen sequence keeps its packs)") LocalDate planFrom,
        @Schema(description = "Packs each change adds (+) or takes away (-) over the horizon, in request order") List<ChangeEffect> changes,
        @Schema(description = "Orders over all markets") Totals totals,
        @Schema(description = "Markets with an order that slips, becomes blocked or gets a day, by market code") List<MarketImpact> markets) {

    public record ChangeEffect(int index, String type, int packs) {
    }

    public record Totals(int slipped, int newlyBlocked, int unblocked) {
    }

    public record MarketImpact(String market, Region region, Slips slipped, Listing<NewlyBlocked> newlyBlocked,
            Listing<Unblocked> unblocked) {
    }

    /** Orders that keep a day but a later one; {@code orders} holds the largest slips first, at most the limit. */
    public record Slips(int count, long totalDays, double averageDays, int maxDays, List<Slipped> orders) {
    }

    /** {@code count} orders, the first {@code orders} of them listed (at most the limit). */
    public record Listing<T>(int count, List<T> orders) {
    }

    public record Slipped(UUID orderId, LocalDate plannedDate, LocalDate newPlannedDate, int days) {
    }

    @Schema(description = "A scheduled order left without packs in the horizon (or without line room)")
    public record NewlyBlocked(UUID orderId, LocalDate plannedDate, BlockReason reason, String week) {
    }

    @Schema(description = "A blocked order that gets a day: the only way an order gains, since the planner never "
            + "moves a scheduled build earlier")
    public record Unblocked(UUID orderId, LocalDate newPlannedDate) {
    }

    static WhatIfAnswer of(LocalDate planFrom, List<SupplyChange> requested, int[] packsByChange,
            List<Replan.Outcome> outcomes, int limit) {
        List<ChangeEffect> changes = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            changes.add(new ChangeEffect(i, requested.get(i).type(), packsByChange[i]));
        }
        Map<String, List<Replan.Outcome>> byMarket = new TreeMap<>();
        outcomes.forEach(o -> byMarket.computeIfAbsent(o.build().market(), m -> new ArrayList<>()).add(o));
        List<MarketImpact> markets = byMarket.entrySet().stream()
                .map(market -> impact(market.getKey(), market.getValue(), limit)).toList();
        return new WhatIfAnswer(planFrom, changes, new Totals(
                markets.stream().mapToInt(m -> m.slipped().count()).sum(),
                markets.stream().mapToInt(m -> m.newlyBlocked().count()).sum(),
                markets.stream().mapToInt(m -> m.unblocked().count()).sum()), markets);
    }

    private static MarketImpact impact(String market, List<Replan.Outcome> outcomes, int limit) {
        List<Slipped> slipped = new ArrayList<>();
        List<NewlyBlocked> blocked = new ArrayList<>();
        List<Unblocked> unblocked = new ArrayList<>();
        for (Replan.Outcome o : outcomes) {
            UUID id = o.build().orderId();
            if (o.after() instanceof Slot.Scheduled scheduled) {
                if (o.before() == null) {
                    unblocked.add(new Unblocked(id, scheduled.date()));
                } else {
                    slipped.add(new Slipped(id, o.before(), scheduled.date(),
                            (int) ChronoUnit.DAYS.between(o.before(), scheduled.date())));
                }
            } else if (o.after() instanceof Slot.Blocked b) {
                blocked.add(new NewlyBlocked(id, o.before(), b.reason(), b.week().toString()));
            }
        }
        long totalDays = slipped.stream().mapToLong(Slipped::days).sum();
        Slips slips = new Slips(slipped.size(), totalDays, slipped.isEmpty() ? 0 : (double) totalDays / slipped.size(),
                slipped.stream().mapToInt(Slipped::days).max().orElse(0),
                slipped.stream().sorted(Comparator.comparingInt(Slipped::days).reversed()
                        .thenComparing(Slipped::plannedDate)).limit(limit).toList());
        return new MarketImpact(market, Markets.regionOf(market).orElse(null), slips,
                new Listing<>(blocked.size(), blocked.stream().sorted(Comparator.comparing(NewlyBlocked::plannedDate))
                        .limit(limit).toList()),
                new Listing<>(unblocked.size(), unblocked.stream().sorted(Comparator.comparing(Unblocked::newPlannedDate))
                        .limit(limit).toList()));
    }
}
