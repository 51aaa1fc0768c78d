package com.busanev.supplier.schedule;

import com.busanev.events.DeliveryScheduleIssued;
import com.busanev.events.IsoWeek;
import com.busanev.kit.locks.AdvisoryLock;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issuing, reading and acknowledging the weekly delivery schedules. Every method runs in the caller's session; those
 * that write ({@link #issue}, {@link #issueDue}, {@link #acknowledge}) need the caller's transaction.
 */
@ApplicationScoped
public class DeliverySchedules {
    /** Who issues the revisions of the weekly run. */
    static final String WEEKLY_RUN = "weekly-run";

    private final ScheduleConfig config;
    private final ScheduleNeeds needs;
    private final Outbox outbox;
    private final Clock clock;

    DeliverySchedules(ScheduleConfig config, ScheduleNeeds needs, Outbox outbox, Clock clock) {
        this.config = config;
        this.needs = needs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A new revision of the contract's schedule from the current week over the horizon, announced in the caller's
     * transaction (DeliveryScheduleIssued through the outbox); the previous revision is SUPERSEDED.
     */
    public Uni<DeliverySchedule> issue(Contract contract, String by) {
        IsoWeek first = IsoWeek.of(LocalDate.now(clock));
        List<IsoWeek> weeks = new ArrayList<>();
        for (int i = 0; i < config.horizonWeeks(); i++) {
            weeks.add(first.plusWeeks(i));
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(AdvisoryLock.DELIVERY_SCHEDULES.xactLock("?1"))
                        .setParameter(1, contract.id.toString()).getSingleResult())
                .chain(() -> DeliverySchedule.<DeliverySchedule>find("contractId", Sort.descending("revision"), contract.id)
                        .<DeliverySchedule>firstResult())
                .chain(latest -> firmWeeksOf(latest)
                        .chain(firm -> needs.of(contract.id, weeks).map(need -> ScheduleLines.plan(contract, first,
                                config.horizonWeeks(), config.frozenWeeks(), need::get, firm)))
                        .chain(lines -> record(contract, latest, lines, by)));
    }

    /** Issues this week's revision of every active contract that has none yet (the weekly run). */
    public Uni<Void> issueDue() {
        LocalDate monday = IsoWeek.of(LocalDate.now(clock)).monday();
        Instant weekStart = monday.atStartOfDay(clock.getZone()).toInstant();
        return Contract.<Contract>list("status", ContractStatus.ACTIVE)
                .chain(contracts -> DeliverySchedule.<DeliverySchedule>list("issuedAt >= ?1", weekStart)
                        .map(issued -> {
                            var done = issued.stream().map(s -> s.contractId).collect(Collectors.toSet());
                            return contracts.stream().filter(c -> !done.contains(c.id)).toList();
                        }))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(contract -> issue(contract, WEEKLY_RUN))
                        .collect().last())
                .replaceWithVoid();
    }

    /** A schedule the caller may see: any for procurement, planners and viewers, only its own for a supplier. */
    public Uni<DeliverySchedule> visible(UUID id, Optional<String> supplier) {
        return DeliverySchedule.<DeliverySchedule>findById(id)
                .map(s -> s == null || supplier.filter(own -> !own.equals(s.supplierCode)).isPresent() ? null : s)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No delivery schedule " + id + "."));
    }

    /**
     * The supplier acknowledges the revision in force; again is a no-op, a superseded revision is a conflict (the
     * supplier must read the newer one first).
     */
    public Uni<DeliverySchedule> acknowledge(DeliverySchedule schedule, String by) {
        return switch (schedule.status) {
            case ACKNOWLEDGED -> Uni.createFrom().item(schedule);
            case SUPERSEDED -> Uni.createFrom().failure(ProblemException.conflict("Revision " + schedule.revision
                    + " is superseded: acknowledge the latest revision of contract " + schedule.contractId + "."));
            case ISSUED -> {
                schedule.status = ScheduleStatus.ACKNOWLEDGED;
                schedule.acknowledgedAt = now();
                schedule.acknowledgedBy = by;
                yield Uni.createFrom().item(schedule);
            }
        };
    }

    /** The lines of these schedules, by schedule id, weeks in order. */
    public Uni<Map<UUID, List<ScheduleLine>>> linesOf(List<DeliverySchedule> schedules) {
        if (schedules.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ScheduleLine.<ScheduleLine>list("scheduleId in ?1", Sort.ascending("week"),
                        schedules.stream().map(s -> s.id).toList())
                .map(lines -> lines.stream().collect(Collectors.groupingBy(l -> l.scheduleId)));
    }

    /** Now as the database keeps it (microseconds), so an answer reads the same before and after a reload. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Map<String, ScheduleLine>> firmWeeksOf(DeliverySchedule latest) {
        if (latest == null) {
            return Uni.createFrom().item(Map.of());
        }
        return ScheduleLine.<ScheduleLine>list("scheduleId = ?1 and kind = ?2", latest.id, LineKind.FIRM)
                .map(lines -> lines.stream().collect(Collectors.toMap(l -> l.week, Function.identity())));
    }

    private Uni<DeliverySchedule> record(Contract contract, DeliverySchedule latest, List<ScheduleLine> lines, String by) {
        DeliverySchedule schedule = new DeliverySchedule();
        schedule.id = UUID.randomUUID();
        schedule.contractId = contract.id;
        schedule.supplierCode = contract.supplierCode;
        schedule.revision = latest == null ? 1 : latest.revision + 1;
        schedule.status = ScheduleStatus.ISSUED;
        schedule.issuedAt = now();
        schedule.issuedBy = by;
        if (latest != null) {
            latest.status = ScheduleStatus.SUPERSEDED;
        }
        lines.forEach(line -> line.scheduleId = schedule.id);
        DeliveryScheduleIssued issued = new DeliveryScheduleIssued(schedule.id, contract.id, contract.supplierCode,
                schedule.revision, lines.stream().map(l -> new DeliveryScheduleIssued.ScheduleWeek(l.week, l.packs,
                        l.kind.name(), l.flexMin, l.flexMax, l.basis == null ? null : l.basis.name())).toList(),
                schedule.issuedAt);
        return schedule.<DeliverySchedule>persist()
                .call(() -> Panache.getSession().chain(s -> s.persistAll(lines.toArray())))
                .call(() -> outbox.append(issued));
    }
}
