package com.busanev.supplier.stock;

import com.busanev.events.IsoWeek;
import com.busanev.kit.lifecycle.Stopping;
import com.busanev.supplier.allocation.SupplyPlanner;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Plays the suppliers and the plant's goods-in for the local run (off by default): every active contract ships its
 * weekly commitment on a shipping notice for this week and the next (due on the week's Monday, or today), and each
 * notice is received in full once the plant clock reaches its day. So the chain has real packs to build with, and
 * the next week's are confirmed inbound. Serials are {@code <supplier>-<year>W<week>-<contract>-<n>}: a notice is
 * never sent twice, since its first serial would be known already.
 */
@ApplicationScoped
public class SupplierSimulator {
    static final String USER = "supplier-simulator";

    private final Shipments shipments;
    private final SupplyPlanner planner;
    private final Stopping stopping;
    private final Clock clock;
    private final SupplierSimulatorConfig config;

    SupplierSimulator(Shipments shipments, SupplyPlanner planner, Stopping stopping, Clock clock, SupplierSimulatorConfig config) {
        this.shipments = shipments;
        this.planner = planner;
        this.stopping = stopping;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${supplier.simulator.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = LocalDate.now(clock);
        IsoWeek week = IsoWeek.of(today);
        return stopping.quietly(Panache.withTransaction(() -> Contract.<Contract>list("status", ContractStatus.ACTIVE)
                .chain(contracts -> Multi.createFrom().iterable(contracts)
                        .onItem().transformToUniAndConcatenate(c -> ship(c, week, today).chain(() -> ship(c, week.plusWeeks(1), today)))
                        .collect().asList())
                .chain(shipped -> receiveDue(today).map(received -> shipped.contains(true) || received > 0))
                .chain(changed -> changed ? planner.horizonAndDemandWeeks().chain(planner::recompute)
                        : Uni.createFrom().voidItem())));
    }

    /** The contract's commitment for the week on a notice, unless it was sent; whether one was. */
    private Uni<Boolean> ship(Contract contract, IsoWeek week, LocalDate today) {
        LocalDate due = week.monday().isBefore(today) ? today : week.monday();
        if (due.isBefore(contract.validFrom)) {
            due = contract.validFrom;
        }
        int packs = contract.weeklyOwed(week.monday());
        if (packs == 0 || due.isAfter(contract.validTo) || !IsoWeek.of(due).equals(week)) {
            return Uni.createFrom().item(false);
        }
        SerialRange range = new SerialRange(contract.supplierCode + "-" + week.year() + "W" + String.format("%02d", week.week())
                + "-" + contract.id.toString().substring(0, 8).toUpperCase(Locale.ROOT) + "-", 1, packs, 6);
        List<String> serials = range.serials();
        LocalDate expected = due;
        return Pack.<Pack>findById(serials.get(0))
                .chain(sent -> sent != null ? Uni.createFrom().item(false)
                        : shipments.announce(contract, serials, expected, today, USER, null).replaceWith(true));
    }

    /** Receives in full every notice of the simulator due by today; how many. */
    private Uni<Integer> receiveDue(LocalDate today) {
        return Delivery.<Delivery>list("confirmedBy = ?1 and status = ?2 and expectedOn <= ?3", USER,
                        DeliveryStatus.IN_TRANSIT, today)
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(asn -> Contract.<Contract>findById(asn.contractId)
                                .chain(contract -> shipments.receive(asn, contract, new ReceiptRequest(today, null, null, false))))
                        .collect().asList())
                .map(List::size);
    }
}
