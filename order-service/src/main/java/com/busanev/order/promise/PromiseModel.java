package com.busanev.order.promise;

import com.busanev.events.IsoWeek;
import com.busanev.events.Markets;
import com.busanev.events.Region;
import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The promise model in memory: the line's free builds per week and region and the sailings, as last announced,
 * read from their tables every {@code order.promise.refresh-interval} in one session. Intake promises from it with no
 * database round trip. Cars promised since a region's snapshot are counted here, so a burst of orders walks the
 * weeks forward instead of all getting the first one; the next snapshot, which counts them as builds, starts again.
 * The counter is this replica's only: replicas each take the snapshot's room (an approximation, docs).
 */
@ApplicationScoped
public class PromiseModel {
    private static final ZoneId PLANT = ZoneId.of("Asia/Seoul");
    private static final String WEEKS = "SELECT region, week, free, computed_at FROM promise_week";
    private static final String SAILINGS = "SELECT destination_port, cut_off, eta FROM promise_sailing WHERE cut_off > ?1";

    private record Sailing(String port, Instant cutOff, Instant eta) {
    }

    /** What the tables held at the last refresh. */
    private record Snapshot(Map<Region, TreeMap<IsoWeek, Integer>> free, Map<Region, Instant> computedAt,
            List<Sailing> sailings) {
    }

    private final Clock clock;
    private final PromiseConfig config;
    private final Stopping stopping;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of());
    private final Map<Region, AtomicInteger> promisedSince = new EnumMap<>(Region.class);

    PromiseModel(Clock clock, PromiseConfig config, Stopping stopping) {
        this.clock = clock;
        this.config = config;
        this.stopping = stopping;
        for (Region region : Region.values()) {
            promisedSince.put(region, new AtomicInteger());
        }
    }

    @Scheduled(every = "${order.promise.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return stopping.quietly(Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(WEEKS, Object[].class).getResultList()
                        .chain(weeks -> session.createNativeQuery(SAILINGS, Object[].class)
                                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).getResultList()
                                .map(sailings -> read(weeks, sailings)))))
                .invoke(this::replace)
                .replaceWithVoid());
    }

    private static Snapshot read(List<Object[]> weeks, List<Object[]> sailings) {
        Map<Region, TreeMap<IsoWeek, Integer>> free = new EnumMap<>(Region.class);
        Map<Region, Instant> computedAt = new EnumMap<>(Region.class);
        for (Object[] row : weeks) {
            Region region = Region.valueOf((String) row[0]);
            free.computeIfAbsent(region, r -> new TreeMap<>()).put(IsoWeek.parse((String) row[1]), ((Number) row[2]).intValue());
            computedAt.put(region, instant(row[3]));
        }
        List<Sailing> known = new ArrayList<>();
        for (Object[] row : sailings) {
            known.add(new Sailing((String) row[0], instant(row[1]), instant(row[2])));
        }
        known.sort((a, b) -> a.cutOff().compareTo(b.cutOff()));
        return new Snapshot(free, computedAt, known);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private void replace(Snapshot next) {
        Snapshot previous = snapshot;
        next.computedAt().forEach((region, at) -> {
            if (!at.equals(previous.computedAt().get(region))) {
                promisedSince.get(region).set(0);
            }
        });
        snapshot = next;
    }

    /** When the region's snapshot was computed by the plant; null if none came yet. */
    public Instant basedOn(Region region) {
        return snapshot.computedAt().get(region);
    }

    /** Promises {@code quantity} cars and counts them as taken (an order placed). */
    public Promise promise(String market, String requestedWeek, int quantity) {
        Region region = Markets.regionOf(market).orElseThrow();
        int before = promisedSince.get(region).getAndAdd(quantity);
        return promise(snapshot, market, region, requestedWeek, before, quantity);
    }

    /** What {@link #promise} would answer, taking nothing (a quote). */
    public Promise quote(String market, String requestedWeek, int quantity) {
        Region region = Markets.regionOf(market).orElseThrow();
        return promise(snapshot, market, region, requestedWeek, promisedSince.get(region).get(), quantity);
    }

    /**
     * The week in which the last of {@code quantity} cars fits after {@code ahead} cars promised before, walking the
     * region's free builds from the requested week (or next week: this week's line is planned already); then the
     * first sailing to one of the market's ports whose cut-off the cars make after that week, and the one after it
     * (the first may be full) as the window. Null when the snapshot has no room for them.
     */
    private Promise promise(Snapshot model, String market, Region region, String requestedWeek, int ahead, int quantity) {
        IsoWeek earliest = IsoWeek.of(LocalDate.now(clock.withZone(PLANT))).plusWeeks(1);
        IsoWeek from = requestedWeek != null && IsoWeek.parse(requestedWeek).compareTo(earliest) > 0
                ? IsoWeek.parse(requestedWeek) : earliest;
        int needed = ahead + quantity;
        IsoWeek week = null;
        for (Map.Entry<IsoWeek, Integer> free : model.free().getOrDefault(region, new TreeMap<>()).tailMap(from).entrySet()) {
            needed -= free.getValue();
            if (needed <= 0) {
                week = free.getKey();
                break;
            }
        }
        if (week == null) {
            return null;
        }
        Instant atPort = week.sunday().plusDays(1).atStartOfDay(PLANT).toInstant().plus(config.plantToPort());
        Set<String> ports = Markets.destinationPorts(market);
        if (ports.isEmpty()) {
            return new Promise(week.toString(), atPort, atPort.plus(config.windowSlack()));
        }
        List<Sailing> sailings = model.sailings().stream()
                .filter(s -> ports.contains(s.port()) && !s.cutOff().isBefore(atPort)).limit(2).toList();
        if (sailings.isEmpty()) {
            return new Promise(week.toString(), null, null);
        }
        Instant first = sailings.get(0).eta();
        Instant last = sailings.size() > 1 ? sailings.get(1).eta() : first.plus(config.windowSlack());
        return new Promise(week.toString(), first, last.isBefore(first) ? first : last);
    }
}
