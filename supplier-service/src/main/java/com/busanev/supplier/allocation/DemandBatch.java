package com.busanev.supplier.allocation;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.kit.messaging.InvalidEventException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The demand of a batch's orders, changed in memory event by event in record order (so an order's events apply in
 * the order they were published); what differs at the end from what was stored is written once, as explicit rows to
 * upsert and ids to delete. Plain values, not managed entities: what is written is exactly what this batch decided,
 * never left to the session's flush.
 */
final class DemandBatch {
    /** What one event does to its order's demand. */
    sealed interface Change permits Need, Withdraw, Cancel, Remarket {
        UUID orderId();
    }

    /** The order needs a pack of its region (and market, if known) in {@code week}. */
    record Need(UUID orderId, Region region, String market, String week) implements Change {
    }

    /** The order needs no pack (for now). */
    record Withdraw(UUID orderId) implements Change {
    }

    /**
     * An order change moved the car to another market of its region: its pack, if it needs one, must now meet that
     * market's sourcing rules (US cells may not come from a restricted origin, Canada's may), so its week re-allocates.
     */
    record Remarket(UUID orderId, String market) implements Change {
    }

    /** The plant cancelled the build: no pack, and no demand from its later events. */
    record Cancel(UUID orderId, Instant cancelledAt) implements Change {
    }

    /** One order's demand: a pack of {@code region} (for {@code market}, null if never told) in {@code week}. */
    record Row(UUID orderId, Region region, String market, String week) {
    }

    private final Map<UUID, Row> stored = new HashMap<>();
    private final Map<UUID, Row> current = new HashMap<>();
    private final Set<UUID> cancelled;
    private final Map<UUID, Instant> cancels = new LinkedHashMap<>();
    private final Set<IsoWeek> changedWeeks = new TreeSet<>();

    DemandBatch(List<Row> stored, Set<UUID> cancelled) {
        stored.forEach(row -> this.stored.put(row.orderId(), row));
        this.current.putAll(this.stored);
        this.cancelled = new HashSet<>(cancelled);
    }

    void apply(Change change) {
        if (change instanceof Need need) {
            need(need);
        } else if (change instanceof Withdraw withdraw) {
            withdraw(withdraw.orderId());
        } else if (change instanceof Remarket remarket) {
            remarket(remarket);
        } else if (change instanceof Cancel cancel) {
            if (cancelled.add(cancel.orderId())) {
                cancels.put(cancel.orderId(), cancel.cancelledAt());
            }
            withdraw(cancel.orderId());
        }
    }

    private void need(Need need) {
        if (cancelled.contains(need.orderId())) {
            return;
        }
        IsoWeek week = demandWeek(need.week());
        Row existing = current.get(need.orderId());
        String knownMarket = need.market() != null || existing == null ? need.market() : existing.market();
        Row wanted = new Row(need.orderId(), need.region(), knownMarket, need.week());
        if (wanted.equals(existing)) {
            return;
        }
        changedWeeks.add(week);
        if (existing != null) {
            changedWeeks.add(IsoWeek.parse(existing.week()));
        }
        current.put(need.orderId(), wanted);
    }

    private void remarket(Remarket remarket) {
        Row existing = current.get(remarket.orderId());
        if (existing == null || remarket.market().equals(existing.market())) {
            return;
        }
        current.put(remarket.orderId(), new Row(existing.orderId(), existing.region(), remarket.market(), existing.week()));
        changedWeeks.add(IsoWeek.parse(existing.week()));
    }

    private void withdraw(UUID orderId) {
        Row existing = current.remove(orderId);
        if (existing != null) {
            changedWeeks.add(IsoWeek.parse(existing.week()));
        }
    }

    /** A week that is no ISO week can never be allocated, however often it is tried: the event is dead-lettered. */
    private static IsoWeek demandWeek(String week) {
        try {
            return IsoWeek.parse(week);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("demand for '" + week + "', which is no ISO week", e);
        }
    }

    /** Demand that is new or differs from what was stored: to upsert. */
    List<Row> changed() {
        return current.values().stream().filter(row -> !row.equals(stored.get(row.orderId()))).toList();
    }

    /** Orders whose stored demand is no longer wanted: to delete. */
    List<UUID> withdrawn() {
        return stored.keySet().stream().filter(order -> !current.containsKey(order)).toList();
    }

    /** Orders cancelled in this batch and not before, with when: tombstones to write. */
    Map<UUID, Instant> cancels() {
        return cancels;
    }

    Set<IsoWeek> changedWeeks() {
        return changedWeeks;
    }
}
