package com.busanev.supplier.schedule;

import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The weekly run, on the plant clock (possibly accelerated, so a fixed cron would not do): every active contract gets
 * its revision of the week once the clock enters a week it has none for, and the firm weeks past their shortfall point
 * are checked against the packs that came.
 */
@ApplicationScoped
class ScheduleSweep {
    private final DeliverySchedules schedules;
    private final CallOffShortfalls shortfalls;
    private final Stopping stopping;

    ScheduleSweep(DeliverySchedules schedules, CallOffShortfalls shortfalls, Stopping stopping) {
        this.schedules = schedules;
        this.shortfalls = shortfalls;
        this.stopping = stopping;
    }

    @Scheduled(every = "${supplier.schedule.sweep-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return stopping.quietly(Panache.withTransaction(() -> schedules.issueDue().chain(shortfalls::check)));
    }
}
