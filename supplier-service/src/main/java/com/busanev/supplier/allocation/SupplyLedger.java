package com.busanev.supplier.allocation;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.stock.PackTally;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What the planner reads to allocate a range of weeks, in one query each: the demand by week, region and market, the
 * contracts, and their packs on hand, in transit (by week due) and built into cars (by the week of the car's demand).
 */
record SupplyLedger(IsoWeek current, List<Contract> contractList, List<SupplyLine> contracts,
        Map<IsoWeek, Map<Region, Integer>> demandByWeek, Map<IsoWeek, Map<Region, Set<String>>> marketsByWeek,
        Map<UUID, Integer> onHand, Map<UUID, Map<IsoWeek, Integer>> inbound, Map<UUID, Map<IsoWeek, Integer>> consumed) {
    private static final String DEMAND = """
            SELECT week, region, market, count(*) FROM demand WHERE week BETWEEN ?1 AND ?2 GROUP BY week, region, market""";
    private static final String INBOUND = """
            SELECT CAST(p.contract_id AS text), CAST(d.expected_on AS text), count(*) FROM pack p JOIN delivery d ON d.id = p.delivery_id
            WHERE p.status = 'IN_TRANSIT' GROUP BY p.contract_id, d.expected_on""";
    /** By the demand week kept on the pack (index pack_consumed_week): the built packs of the weeks, no more. */
    private static final String CONSUMED = """
            SELECT CAST(contract_id AS text), demand_week, count(*) FROM pack
            WHERE status = 'CONSUMED' AND demand_week BETWEEN ?1 AND ?2 GROUP BY contract_id, demand_week""";

    static Uni<SupplyLedger> load(IsoWeek from, IsoWeek to, IsoWeek current, CurrencyRates rates) {
        return Panache.getSession().chain(s -> demandRows(s, from, to)
                .chain(demand -> Contract.<Contract>listAll()
                        .chain(contracts -> s.createNativeQuery(PackTally.ON_HAND, Object[].class).getResultList()
                                .chain(onHand -> s.createNativeQuery(INBOUND, Object[].class).getResultList()
                                        .chain(inbound -> s.createNativeQuery(CONSUMED, Object[].class)
                                                .setParameter(1, from.toString()).setParameter(2, to.toString())
                                                .getResultList()
                                                .map(consumed -> of(current, rates, demand, contracts, onHand,
                                                        inbound, consumed)))))));
    }

    /**
     * The weeks' demand and the contracts, without their stock: enough for what the commitments would give the demand
     * ({@link #committed}), two queries instead of five.
     */
    static Uni<SupplyLedger> loadDemand(IsoWeek from, IsoWeek to, IsoWeek current, CurrencyRates rates) {
        return Panache.getSession().chain(s -> demandRows(s, from, to)
                .chain(demand -> Contract.<Contract>listAll()
                        .map(contracts -> of(current, rates, demand, contracts, List.of(), List.of(), List.of()))));
    }

    private static Uni<List<Object[]>> demandRows(Mutiny.Session s, IsoWeek from, IsoWeek to) {
        return s.createNativeQuery(DEMAND, Object[].class)
                .setParameter(1, from.toString()).setParameter(2, to.toString()).getResultList();
    }

    private static SupplyLedger of(IsoWeek current, CurrencyRates rates, List<Object[]> demandRows, List<Contract> contracts,
            List<Object[]> onHandRows, List<Object[]> inboundRows, List<Object[]> consumedRows) {
        Map<IsoWeek, Map<Region, Integer>> demand = new HashMap<>();
        Map<IsoWeek, Map<Region, Set<String>>> markets = new HashMap<>();
        for (Object[] row : demandRows) {
            IsoWeek week = IsoWeek.parse((String) row[0]);
            Region region = Region.valueOf((String) row[1]);
            demand.computeIfAbsent(week, w -> new EnumMap<>(Region.class)).merge(region, count(row[3]), Integer::sum);
            // a null market (not known) is kept: it means the region's strictest rule
            markets.computeIfAbsent(week, w -> emptyMarkets()).get(region).add((String) row[2]);
        }
        Map<UUID, Integer> onHand = new HashMap<>();
        onHandRows.forEach(row -> onHand.put(UUID.fromString((String) row[0]), count(row[1])));
        Map<UUID, Map<IsoWeek, Integer>> inbound = new HashMap<>();
        for (Object[] row : inboundRows) {
            IsoWeek due = IsoWeek.of(LocalDate.parse((String) row[1]));
            inbound.computeIfAbsent(UUID.fromString((String) row[0]), c -> new HashMap<>())
                    .merge(due.compareTo(current) < 0 ? current : due, count(row[2]), Integer::sum);
        }
        Map<UUID, Map<IsoWeek, Integer>> consumed = new HashMap<>();
        consumedRows.forEach(row -> consumed.computeIfAbsent(UUID.fromString((String) row[0]), c -> new HashMap<>())
                .put(IsoWeek.parse((String) row[1]), count(row[2])));
        List<SupplyLine> lines = contracts.stream()
                .map(c -> new SupplyLine(c.id, c.supplierCode, 0, rates.toUsd(c.pricePerKwh, c.currency) * c.capacityKwh,
                        c.cellOrigin, c.carbonKgPerKwh))
                .toList();
        return new SupplyLedger(current, contracts, lines, demand, markets, onHand, inbound, consumed);
    }

    StockProjection projection(int confirmedWeeks) {
        Map<UUID, Contract> byId = byId();
        return new StockProjection(current, confirmedWeeks, contracts,
                (id, week) -> byId.get(id).weeklyOwed(week.monday()), onHand, inbound, consumed);
    }

    /** Each contract as a supply line of the packs it has committed for the week (none when not active or out of term). */
    List<SupplyLine> committed(IsoWeek week) {
        Map<UUID, Contract> byId = byId();
        return contracts.stream()
                .map(line -> new SupplyLine(line.contractId(), line.supplier(),
                        byId.get(line.contractId()).weeklyOwed(week.monday()), line.costPerPack(), line.cellOrigin(),
                        line.carbonKgPerKwh()))
                .filter(line -> line.packs() > 0)
                .toList();
    }

    private Map<UUID, Contract> byId() {
        Map<UUID, Contract> byId = new HashMap<>();
        contractList.forEach(c -> byId.put(c.id, c));
        return byId;
    }

    Map<Region, Integer> demand(IsoWeek week) {
        return demandByWeek.getOrDefault(week, Map.of());
    }

    /** The markets with demand in the week, by region (every region present; a null market is one not known). */
    Map<Region, Set<String>> markets(IsoWeek week) {
        return marketsByWeek.getOrDefault(week, emptyMarkets());
    }

    private static Map<Region, Set<String>> emptyMarkets() {
        Map<Region, Set<String>> markets = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            markets.put(region, new HashSet<>());
        }
        return markets;
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
