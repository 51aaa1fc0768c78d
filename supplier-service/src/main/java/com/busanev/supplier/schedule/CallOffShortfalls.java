package com.busanev.supplier.schedule;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.kit.outbox.Outbox;
import com.busanev.supplier.alert.ShortageAlertRecord;
import com.busanev.supplier.alert.ShortageAlertRecord.Kind;
import com.busanev.supplier.allocation.AllocationRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Firm call-offs against what came: once a firm week is {@code supplier.schedule.shortfall-after} past its Monday, a
 * contract whose packs received that week or on notices due that week fall short of the packs it was called off firm
 * raises a CALL_OFF shortage alert per region whose cars the missing packs would have covered, naming those
 * orders (the region's orders of the week its allocation does not cover, as many as the packs short). The alert
 * follows the numbers while open and is resolved when the packs come. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CallOffShortfalls {
    /**
     * The firm call-offs of a week: per contract its latest revision with the week firm (contract, supplier, revision,
     * packs). Firm weeks are copied unchanged, so that is the revision in force for it, also once a revision of a later
     * week no longer lists it.
     */
    private static final String FIRM = """
            SELECT DISTINCT ON (s.contract_id) CAST(s.contract_id AS text), s.supplier_code, s.revision, l.packs
            FROM delivery_schedule s JOIN delivery_schedule_line l ON l.schedule_id = s.id
            WHERE l.kind = 'FIRM' AND l.week = ?1
            ORDER BY s.contract_id, s.revision DESC""";
    /** Per contract, its packs received in the week or on a notice due in it (not missing). */
    private static final String CAME = """
            SELECT CAST(p.contract_id AS text), count(*) FROM pack p JOIN delivery d ON d.id = p.delivery_id
            WHERE p.status <> 'MISSING' AND (p.received_on BETWEEN ?1 AND ?2 OR d.expected_on BETWEEN ?1 AND ?2)
            GROUP BY p.contract_id""";
    private static final String ORDERS = "SELECT CAST(order_id AS text), region FROM demand WHERE week = ?1 ORDER BY order_id";

    /** A firm call-off in force and what came of it. */
    private record CallOff(UUID contractId, String supplier, int revision, int calledOff, int came) {
        int missing() {
            return calledOff - came;
        }
    }

    private final ScheduleConfig config;
    private final Outbox outbox;
    private final Clock clock;

    CallOffShortfalls(ScheduleConfig config, Outbox outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Checks the current and the previous week, each once its shortfall point passed. */
    public Uni<Void> check() {
        Instant now = clock.instant();
        IsoWeek current = IsoWeek.of(LocalDate.now(clock));
        List<IsoWeek> due = Stream.of(current.plusWeeks(-1), current)
                .filter(week -> !now.isBefore(week.monday().atStartOfDay(clock.getZone()).toInstant().plus(config.shortfallAfter())))
                .toList();
        return Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(week -> check(week, now))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> check(IsoWeek week, Instant now) {
        return callOffs(week).chain(callOffs -> {
            List<CallOff> shortOnes = callOffs.stream().filter(c -> c.missing() > 0).toList();
            Uni<Map<Region, List<UUID>>> orders = shortOnes.isEmpty() ? Uni.createFrom().item(Map.of()) : ordersOf(week);
            return orders.chain(byRegion -> AllocationRecord.<AllocationRecord>list("week", week.toString())
                    .chain(allocations -> ShortageAlertRecord.<ShortageAlertRecord>list("kind = ?1 and week = ?2 and status = ?3",
                                    Kind.CALL_OFF, week.toString(), ShortageAlertRecord.Status.OPEN)
                            .chain(open -> raise(week, shortOnes, byRegion, allocations, open, now))));
        });
    }

    private Uni<List<CallOff>> callOffs(IsoWeek week) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FIRM, Object[].class).setParameter(1, week.toString())
                .getResultList().chain(firm -> s.createNativeQuery(CAME, Object[].class)
                        .setParameter(1, week.monday()).setParameter(2, week.sunday()).getResultList()
                        .map(came -> {
                            Map<String, Integer> cameBy = new HashMap<>();
                            came.forEach(row -> cameBy.put((String) row[0], ((Number) row[1]).intValue()));
                            return firm.stream().map(row -> new CallOff(UUID.fromString((String) row[0]), (String) row[1],
                                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                                    cameBy.getOrDefault((String) row[0], 0))).toList();
                        })));
    }

    private Uni<Map<Region, List<UUID>>> ordersOf(IsoWeek week) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ORDERS, Object[].class).setParameter(1, week.toString())
                .getResultList().map(rows -> {
                    Map<Region, List<UUID>> byRegion = new EnumMap<>(Region.class);
                    rows.forEach(row -> byRegion.computeIfAbsent(Region.valueOf((String) row[1]), r -> new ArrayList<>())
                            .add(UUID.fromString((String) row[0])));
                    return byRegion;
                }));
    }

    /** Opens or follows an alert per short contract and region with orders at risk; resolves the others of the week. */
    private Uni<Void> raise(IsoWeek week, List<CallOff> shortOnes, Map<Region, List<UUID>> orders,
            List<AllocationRecord> allocations, List<ShortageAlertRecord> open, Instant now) {
        Map<String, ShortageAlertRecord> openByKey = open.stream().collect(Collectors.toMap(
                a -> a.contractId + "/" + a.region, a -> a));
        List<Uni<Void>> writes = new ArrayList<>();
        for (CallOff callOff : shortOnes) {
            atRisk(callOff, orders, allocations).forEach((region, risk) -> {
                ShortageAlertRecord alert = openByKey.remove(callOff.contractId + "/" + region);
                writes.add(follow(alert != null ? alert : newAlert(week, region, callOff, now), callOff, region, risk, now));
            });
        }
        openByKey.values().forEach(alert -> alert.resolve(now));
        return writes.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(writes).onItem().transformToUniAndConcatenate(write -> write)
                        .collect().last().replaceWithVoid();
    }

    /**
     * The orders the missing packs would have covered, by region: the regions the contract's packs go to this week
     * first (most first), then the others; in each the orders its allocation does not cover, as many as packs are short.
     */
    private static Map<Region, List<UUID>> atRisk(CallOff callOff, Map<Region, List<UUID>> orders,
            List<AllocationRecord> allocations) {
        Map<Region, AllocationRecord> byRegion = new EnumMap<>(Region.class);
        allocations.forEach(a -> byRegion.put(Region.valueOf(a.region), a));
        List<Region> regions = Arrays.stream(Region.values())
                .sorted(Comparator.<Region>comparingInt(r -> byRegion.containsKey(r) ? -byRegion.get(r).packsOf(callOff.contractId) : 0)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<Region, List<UUID>> risk = new EnumMap<>(Region.class);
        int left = callOff.missing();
        for (Region region : regions) {
            List<UUID> regionOrders = orders.getOrDefault(region, List.of());
            int covered = Math.min(regionOrders.size(), byRegion.containsKey(region) ? byRegion.get(region).packs : 0);
            int take = Math.min(left, regionOrders.size() - covered);
            if (take > 0) {
                risk.put(region, regionOrders.subList(covered, covered + take));
                left -= take;
            }
        }
        return risk;
    }

    private Uni<Void> follow(ShortageAlertRecord alert, CallOff callOff, Region region, List<UUID> risk, Instant now) {
        alert.orders(risk);
        String detail = callOff.supplier + " has " + callOff.came + " of the " + callOff.calledOff + " packs called off firm for "
                + alert.week + " (contract " + callOff.contractId + ", revision " + callOff.revision + "): "
                + risk.size() + " " + region + " order(s) at risk";
        if (!alert.follow(callOff.calledOff, callOff.came, callOff.missing(), detail)) {
            return Uni.createFrom().voidItem();
        }
        return alert.persist().chain(() -> outbox.append(alert.announcement(now))).replaceWithVoid();
    }

    private static ShortageAlertRecord newAlert(IsoWeek week, Region region, CallOff callOff, Instant now) {
        ShortageAlertRecord alert = ShortageAlertRecord.opened(Kind.CALL_OFF, week.toString(), region, now);
        alert.contractId = callOff.contractId;
        alert.supplier = callOff.supplier;
        return alert;
    }
}
