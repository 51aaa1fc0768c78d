package com.busanev.production.sequence;

import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Periodically brings the sequences from today to the end of the open horizon up to date, day by day in line
 * order (so a day's D-1 cars are current): days whose inputs changed are sequenced again, days entering the frozen
 * horizon are frozen. Frozen days are not read again. A recent day no pass froze in time (the service was down, or an
 * accelerated plant clock outran a pass) is frozen late, so every production day keeps the sequence it was built in
 * and its call-off.
 */
@ApplicationScoped
public class SequenceRefresh {
    /** Days with builds on the line or plant vehicles in the range, less the frozen ones. */
    private static final String DAYS = """
            SELECT planned_date FROM build WHERE planned_date BETWEEN ?1 AND ?2
                AND status IN ('SCHEDULED', 'IN_PRODUCTION', 'BUILT')
            UNION SELECT day FROM plant_vehicles WHERE day BETWEEN ?1 AND ?2
            EXCEPT SELECT day FROM line_sequence WHERE frozen_at IS NOT NULL
            ORDER BY 1""";

    /** How far back a day without a frozen sequence is still frozen, late. */
    static final int CATCH_UP_DAYS = 3;

    private final Sequencer sequencer;
    private final Stopping stopping;
    private final Clock clock;
    private final SequencingConfig config;

    SequenceRefresh(Sequencer sequencer, Stopping stopping, Clock clock, SequencingConfig config) {
        this.sequencer = sequencer;
        this.stopping = stopping;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${production.sequencing.refresh-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return stopping.quietly(refreshAll()).replaceWithVoid();
    }

    /** One pass over the horizon; the days it looked at. */
    public Uni<List<LocalDate>> refreshAll() {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(config.frozenDays() + config.openDays() - 1L);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(DAYS, LocalDate.class).setParameter(1, today.minusDays(CATCH_UP_DAYS))
                        .setParameter(2, last)
                        .getResultList()))
                .call(days -> Multi.createFrom().iterable(days)
                        .onItem().transformToUniAndConcatenate(day -> sequencer.refresh(day, false))
                        .collect().last());
    }
}
