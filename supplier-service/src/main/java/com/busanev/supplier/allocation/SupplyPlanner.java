package com.busanev.supplier.allocation;

import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.kit.locks.AdvisoryLock;
import com.busanev.kit.outbox.Outbox;
import com.busanev.supplier.alert.ShortageAlertRecord;
import com.busanev.supplier.alert.ShortageAlertRecord.Kind;
import com.busanev.supplier.stock.StockConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns contracts, pack stock (on hand, confirmed inbound, and beyond the confirmed weeks the commitments as
 * forecast: {@link StockProjection}) and the plant's demand into weekly pack allocations per region and shortage
 * alerts; a region's allocation satisfies the sourcing rule of every market with demand in its week. Runs in the caller's transaction under an advisory lock (one recompute at a time across replicas);
 * an allocation is announced only when its total or its sources change.
 */
@ApplicationScoped
public class SupplyPlanner {
    /**
     * One week's view of a region: demand, the supply its rule allows, what was allocated, and the plan with the part
     * of it the supply covers (each pack counted for one region only).
     */
    public record WeekCoverage(String week, Region region, int demand, int compliantSupply, int allocated, int gap,
            int plan, int planCovered, int planGap, int openingStock, int inbound, int forecast, int closingStock,
            int safetyStock, Double weeksOfStock, String runsDryWeek) {
        WeekCoverage runsDry(String week) {
            return new WeekCoverage(this.week, region, demand, compliantSupply, allocated, gap, plan, planCovered, planGap,
                    openingStock, inbound, forecast, closingStock, safetyStock, weeksOfStock, week);
        }
    }

    /** Each region with a demand row up to a week (each EXISTS stops at the first row it finds on demand (week, region)). */
    private static final String REGIONS_WITH_DEMAND = "SELECT r.region FROM (VALUES "
            + Arrays.stream(Region.values()).map(region -> "('" + region.name() + "')").collect(Collectors.joining(", "))
            + ") AS r(region) WHERE EXISTS (SELECT 1 FROM demand d WHERE d.region = r.region AND d.week <= ?1)";

    private final SourcingRules rules;
    private final CurrencyRates rates;
    private final SupplyPlan plan;
    private final StockConfig stock;
    private final Outbox outbox;
    private final Clock clock;

    SupplyPlanner(SourcingRules rules, CurrencyRates rates, SupplyPlan plan, StockConfig stock, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.rates = rates;
        this.plan = plan;
        this.stock = stock;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The weeks checked against the plan: this one and the next ones up to the horizon's end. */
    public Set<IsoWeek> horizonWeeks() {
        Set<IsoWeek> weeks = new TreeSet<>();
        for (IsoWeek week = thisWeek(), end = horizonEnd(); week.compareTo(end) <= 0; week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    /** Whether the week is one of {@link #horizonWeeks}, without building the set. */
    private boolean inHorizon(IsoWeek week) {
        return week.compareTo(thisWeek()) >= 0 && week.compareTo(horizonEnd()) <= 0;
    }

    private IsoWeek thisWeek() {
        return IsoWeek.of(LocalDate.now(clock));
    }

    /** The last week checked against the plan. */
    private IsoWeek horizonEnd() {
        return thisWeek().plusWeeks(plan.horizonWeeks() - 1);
    }

    /** The horizon plus every later week that has demand: what a change of supply can affect. */
    public Uni<Set<IsoWeek>> horizonAndDemandWeeks() {
        IsoWeek now = IsoWeek.of(LocalDate.now(clock));
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT DISTINCT week FROM demand WHERE week >= ?1", String.class)
                        .setParameter(1, now.toString()).getResultList())
                .map(weeks -> {
                    Set<IsoWeek> all = horizonWeeks();
                    weeks.stream().map(IsoWeek::parse).forEach(all::add);
                    return all;
                });
    }

    public Uni<Void> recompute(Set<IsoWeek> weeks) {
        if (weeks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(AdvisoryLock.SUPPLY_ALLOCATION.xactLock()).getSingleResult())
                .chain(this::regionsThePlantBuildsFor)
                .chain(anticipated -> project(weeks).chain(states -> OpenAlerts.of(weeks).chain(open -> Multi.createFrom()
                        .iterable(states)
                        .onItem().transformToUniAndConcatenate(state -> recomputeWeek(state, anticipated, open))
                        .collect().last())))
                .replaceWithVoid();
    }

    /**
     * The regions the plant builds for, so they get headroom: those with demand in any week up to the horizon's end,
     * weeks the clock has passed included. An order blocked for packs in a week that has gone by still waits for them;
     * counting only the weeks ahead, a plan whose orders all waited blocked in such weeks (its planner behind on the
     * allocations, as under a burst) got no headroom anywhere, so none of them could be slotted, and every week's
     * allocation fell to nothing and came back as the orders were blocked again, moving whole weeks of builds.
     */
    private Uni<Set<Region>> regionsThePlantBuildsFor() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(REGIONS_WITH_DEMAND, String.class)
                        .setParameter(1, horizonEnd().toString()).getResultList())
                .map(regions -> regions.stream().map(Region::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Region.class))));
    }

    /**
     * A week of the horizon gives the supply its real demand leaves to the regions the plant builds for, split by
     * their plan shares, under each region's strictest rule (a headroom pack must suit whichever market's car the
     * plant slots into it). A week beyond the horizon gets its real demand only, and headroom once it enters.
     */
    private PackAllocator.Headroom headroom(IsoWeek week, Set<Region> anticipated) {
        if (!inHorizon(week)) {
            return PackAllocator.Headroom.none();
        }
        Map<Region, Double> shares = new EnumMap<>(Region.class);
        anticipated.forEach(region -> shares.put(region, plan.share(region)));
        return new PackAllocator.Headroom(shares, (region, line) -> rules.strictest(region).allows(line));
    }

    /** A week's real demand, all regions, and the packs of it each contract's commitment would cover, by contract. */
    public record DemandShare(int demand, Map<UUID, Integer> packs) {
    }

    /**
     * What each contract's weekly commitment would give the real demand of these weeks: the week's demand allocated by
     * {@link PackAllocator} as the planner allocates it (cheapest first, each region under its rule of the week, no
     * headroom), but from the commitments instead of the projected stock. For a week nothing was allocated in yet,
     * typically one no stock or notice supplies so far: the delivery schedules call it off from this.
     */
    public Uni<Map<IsoWeek, DemandShare>> demandShares(Collection<IsoWeek> weeks) {
        TreeSet<IsoWeek> wanted = new TreeSet<>(weeks);
        return SupplyLedger.loadDemand(wanted.first(), wanted.last(), IsoWeek.of(LocalDate.now(clock)), rates)
                .map(ledger -> {
                    Map<IsoWeek, DemandShare> shares = new HashMap<>();
                    for (IsoWeek week : wanted) {
                        Map<Region, SourcingRule> weekRules = rulesOf(ledger, week);
                        Map<Region, Integer> demand = ledger.demand(week);
                        Map<UUID, Integer> packs = new HashMap<>();
                        PackAllocator.allocate(demand, ledger.committed(week),
                                        (region, line) -> weekRules.get(region).allows(line), PackAllocator.Headroom.none())
                                .values().forEach(allocation -> allocation.sources()
                                        .forEach(source -> packs.merge(source.contractId(), source.packs(), Integer::sum)));
                        shares.put(week, new DemandShare(demand.values().stream().mapToInt(Integer::intValue).sum(), packs));
                    }
                    return shares;
                });
    }

    public Uni<List<WeekCoverage>> coverage(int weeks) {
        IsoWeek first = IsoWeek.of(LocalDate.now(clock));
        List<IsoWeek> range = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            range.add(first.plusWeeks(i));
        }
        return project(range).map(states -> {
            Map<Region, Double> weeklyNeed = new EnumMap<>(Region.class);
            for (Region region : Region.values()) {
                int demand = states.stream().mapToInt(state -> state.demand.getOrDefault(region, 0)).sum();
                weeklyNeed.put(region, demand > 0 ? (double) demand / weeks : plan.weeklyPlan(region));
            }
            List<WeekCoverage> rows = new ArrayList<>();
            for (WeekState state : states) {
                Map<Region, Integer> planCovered = planCovered(state.supply);
                for (Region region : Region.values()) {
                    int demand = state.demand.getOrDefault(region, 0);
                    int compliant = PackAllocator.compliantSupply(region, state.supply, state::allows);
                    AllocationRecord stored = state.stored.get(region);
                    int allocated = stored == null ? 0 : stored.packs;
                    int weeklyPlan = plan.weeklyPlan(region);
                    int covered = planCovered.get(region);
                    StockFigures figures = state.stock(region);
                    double need = weeklyNeed.get(region);
                    Double weeksOfStock = need == 0 ? null
                            : Math.round(10.0 * (figures.opening() + figures.inbound()) / need) / 10.0;
                    rows.add(new WeekCoverage(state.week.toString(), region, demand, compliant, allocated,
                            Math.max(0, demand - allocated), weeklyPlan, covered, weeklyPlan - covered,
                            figures.opening(), figures.inbound(), figures.forecast(), figures.closing(),
                            stock.safetyStock(region), weeksOfStock, null));
                }
            }
            return withRunsDry(rows);
        });
    }

    /** Each row with the first week of the range its region runs dry in: demand not covered, or stock below safety. */
    private static List<WeekCoverage> withRunsDry(List<WeekCoverage> rows) {
        Map<Region, String> dry = new EnumMap<>(Region.class);
        rows.stream().filter(row -> row.gap() > 0 || row.closingStock() < row.safetyStock())
                .forEach(row -> dry.putIfAbsent(row.region(), row.week()));
        return rows.stream().map(row -> row.runsDry(dry.get(row.region()))).toList();
    }

    private Uni<Void> recomputeWeek(WeekState state, Set<Region> anticipated, OpenAlerts open) {
        IsoWeek week = state.week;
        Map<Region, PackAllocator.Allocation> allocation = PackAllocator.allocate(state.demand, state.supply,
                state::allows, headroom(week, anticipated));
        Map<Region, Integer> planCovered = planCovered(state.supply);
        Instant now = clock.instant();
        return Multi.createFrom().items(Region.values())
                .onItem().transformToUniAndConcatenate(region -> announce(week, region, allocation.get(region),
                                state.stored.get(region), now)
                        .chain(() -> alerts(open, week, region, state, allocation.get(region).packs(),
                                planCovered.get(region), now)))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> announce(IsoWeek week, Region region, PackAllocator.Allocation allocation, AllocationRecord stored, Instant now) {
        String sources = allocation.sources().stream().map(s -> s.contractId() + ":" + s.supplier() + ":" + s.packs())
                .collect(Collectors.joining(";"));
        if (stored == null ? allocation.packs() == 0 : stored.packs == allocation.packs() && stored.sources.equals(sources)) {
            return Uni.createFrom().voidItem();
        }
        AllocationRecord record = stored != null ? stored : new AllocationRecord();
        record.week = week.toString();
        record.region = region.name();
        record.packs = allocation.packs();
        record.sources = sources;
        record.allocatedAt = now;
        List<PackSource> bySupplier = allocation.sources();
        return record.persist().chain(() -> outbox.append(new PacksAllocated(week.toString(), region, allocation.packs(),
                bySupplier, now))).replaceWithVoid();
    }

    /**
     * Opens an alert when a gap appears and resolves it when the gap closes. An open alert follows the numbers
     * quietly; it is announced again (same alert id) only when its severity rises, not on every recompute.
     */
    private Uni<Void> alerts(OpenAlerts open, IsoWeek week, Region region, WeekState state, int allocated, int planCovered,
            Instant now) {
        int demand = state.demand.getOrDefault(region, 0);
        int weeklyPlan = plan.weeklyPlan(region);
        Uni<Void> demandAlert = alert(open.get(Kind.DEMAND, week, region), Kind.DEMAND, week, region, demand, allocated, now,
                "compliant packs cover " + allocated + " of " + demand + " cars planned ("
                        + state.rules.get(region).explain() + ")");
        if (!inHorizon(week)) {
            return demandAlert; // the plan is checked over the horizon only; later weeks have demand, not a plan yet
        }
        return demandAlert
                .chain(() -> alert(open.get(Kind.PLAN, week, region), Kind.PLAN, week, region, weeklyPlan, planCovered, now,
                        "contracted compliant supply covers " + planCovered + " packs of the plan's " + weeklyPlan
                                + " a week for " + region + " (" + plan.evPerYear() + " EVs a year)"));
    }

    /** {@code open}: the week and region's open alert of this kind, if any. */
    private Uni<Void> alert(ShortageAlertRecord open, Kind kind, IsoWeek week, Region region, int need, int supply,
            Instant now, String detail) {
        int gap = Math.max(0, need - supply);
        if (gap == 0) {
            if (open != null) {
                open.resolve(now);
            }
            return Uni.createFrom().voidItem();
        }
        ShortageAlertRecord alert = open != null ? open : ShortageAlertRecord.opened(kind, week.toString(), region, now);
        if (!alert.follow(need, supply, gap, detail)) {
            return Uni.createFrom().voidItem();
        }
        return alert.persist().chain(() -> outbox.append(alert.announcement(now))).replaceWithVoid();
    }

    /**
     * The open demand and plan alerts of the weeks a recompute goes through, read with one query: a query per week,
     * region and kind cost a round trip each, and each made the session dirty-check everything the recompute had
     * loaded (auto-flush), hundreds of times a recompute.
     */
    private record OpenAlerts(Map<String, ShortageAlertRecord> byKey) {
        static Uni<OpenAlerts> of(Set<IsoWeek> weeks) {
            return ShortageAlertRecord.<ShortageAlertRecord>list("kind in ?1 and week in ?2 and status = ?3",
                            List.of(Kind.DEMAND, Kind.PLAN), weeks.stream().map(IsoWeek::toString).toList(),
                            ShortageAlertRecord.Status.OPEN)
                    .map(open -> new OpenAlerts(open.stream().collect(Collectors.toMap(
                            alert -> key(alert.kind, alert.week, alert.region), alert -> alert, (first, second) -> first))));
        }

        ShortageAlertRecord get(Kind kind, IsoWeek week, Region region) {
            return byKey.get(key(kind, week.toString(), region));
        }

        private static String key(Kind kind, String week, Region region) {
            return kind + " " + week + " " + region;
        }
    }

    /**
     * The plan's weekly share of each region allocated like demand (no headroom), under each region's strictest rule
     * since the plan stands for cars of all its markets: a pack counts for one region only.
     */
    private Map<Region, Integer> planCovered(List<SupplyLine> supply) {
        Map<Region, Integer> weekly = new EnumMap<>(Region.class);
        Map<Region, SourcingRule> strictest = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            weekly.put(region, plan.weeklyPlan(region));
            strictest.put(region, rules.strictest(region));
        }
        Map<Region, Integer> covered = new EnumMap<>(Region.class);
        PackAllocator.allocate(weekly, supply, (region, line) -> strictest.get(region).allows(line),
                        PackAllocator.Headroom.none())
                .forEach((region, allocation) -> covered.put(region, allocation.packs()));
        return covered;
    }

    /** Packs of the contracts a region's rule allows, one week: on hand at its start, due, forecast, left at its end. */
    private record StockFigures(int opening, int inbound, int forecast, int closing) {
    }

    /**
     * A week's demand by region, the rule each region's allocation satisfies (its markets'), supply, what was announced,
     * and the stock projection's parts of it by contract with the stock left at its end.
     */
    private record WeekState(IsoWeek week, Map<Region, Integer> demand, Map<Region, SourcingRule> rules,
            List<SupplyLine> supply, Map<Region, AllocationRecord> stored, List<SupplyLine> contracts,
            Map<UUID, StockProjection.Part> parts, Map<UUID, Integer> closing) {
        boolean allows(Region region, SupplyLine line) {
            return rules.get(region).allows(line);
        }

        StockFigures stock(Region region) {
            int opening = 0;
            int inbound = 0;
            int forecast = 0;
            int left = 0;
            for (SupplyLine line : contracts) {
                if (allows(region, line)) {
                    StockProjection.Part part = parts.get(line.contractId());
                    opening += part.opening();
                    inbound += part.inbound();
                    forecast += part.forecast();
                    left += closing.getOrDefault(line.contractId(), 0);
                }
            }
            return new StockFigures(opening, inbound, forecast, left);
        }
    }

    /**
     * The states of {@code weeks}, walking the stock projection from the current week to the last of them (every week
     * in between, since each passes its leftover stock on); a week before the current one stands alone.
     */
    private Uni<List<WeekState>> project(Collection<IsoWeek> weeks) {
        IsoWeek current = IsoWeek.of(LocalDate.now(clock));
        TreeSet<IsoWeek> wanted = new TreeSet<>(weeks);
        IsoWeek from = wanted.first().compareTo(current) < 0 ? wanted.first() : current;
        IsoWeek to = wanted.last().compareTo(current) > 0 ? wanted.last() : current;
        return SupplyLedger.load(from, to, current, rates)
                .chain(ledger -> AllocationRecord.<AllocationRecord>list("week in ?1",
                                wanted.stream().map(IsoWeek::toString).toList())
                        .map(stored -> walk(ledger, wanted, current, stored)));
    }

    private List<WeekState> walk(SupplyLedger ledger, TreeSet<IsoWeek> wanted, IsoWeek current, List<AllocationRecord> stored) {
        Map<String, Map<Region, AllocationRecord>> storedByWeek = new HashMap<>();
        stored.forEach(a -> storedByWeek.computeIfAbsent(a.week, w -> new EnumMap<>(Region.class))
                .put(Region.valueOf(a.region), a));
        StockProjection projection = ledger.projection(stock.confirmedWeeks());
        List<WeekState> states = new ArrayList<>();
        for (IsoWeek week : wanted.headSet(current, false)) {
            Map<UUID, StockProjection.Part> parts = projection.parts(week);
            Map<UUID, Integer> closing = new HashMap<>();
            parts.forEach((id, part) -> closing.put(id, part.opening() + part.inbound()));
            states.add(state(week, ledger, parts, projection.supply(parts), storedByWeek, closing));
        }
        for (IsoWeek week = current; week.compareTo(wanted.last()) <= 0; week = week.plusWeeks(1)) {
            Map<UUID, StockProjection.Part> parts = projection.parts(week);
            WeekState state = state(week, ledger, parts, projection.supply(parts), storedByWeek, Map.of());
            List<PackSource> realUse = PackAllocator.allocate(state.demand, state.supply, state::allows,
                            PackAllocator.Headroom.none()).values().stream()
                    .flatMap(allocation -> allocation.sources().stream()).toList();
            projection.consume(week, parts, realUse);
            if (wanted.contains(week)) {
                Map<UUID, Integer> closing = new HashMap<>();
                ledger.contracts().forEach(line -> closing.put(line.contractId(), projection.stock(line.contractId())));
                states.add(new WeekState(week, state.demand, state.rules, state.supply, state.stored, state.contracts,
                        parts, closing));
            }
        }
        return states;
    }

    private WeekState state(IsoWeek week, SupplyLedger ledger, Map<UUID, StockProjection.Part> parts,
            List<SupplyLine> supply, Map<String, Map<Region, AllocationRecord>> stored, Map<UUID, Integer> closing) {
        return new WeekState(week, ledger.demand(week), rulesOf(ledger, week), supply,
                stored.getOrDefault(week.toString(), Map.of()), ledger.contracts(), parts, closing);
    }

    /** The rule each region's allocation of the week satisfies: that of its markets with demand in the week. */
    private Map<Region, SourcingRule> rulesOf(SupplyLedger ledger, IsoWeek week) {
        Map<Region, SourcingRule> weekRules = new EnumMap<>(Region.class);
        ledger.markets(week).forEach((region, those) -> weekRules.put(region, rules.forMarkets(region, those)));
        return weekRules;
    }
}
