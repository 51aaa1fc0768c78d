package com.busanev.order.promise;

import com.busanev.events.LineAvailability;
import com.busanev.events.SailingScheduled;
import com.busanev.kit.messaging.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the promise model's tables: a region's LineAvailability replaces its weeks (an older snapshot than the one
 * stored changes nothing), a SailingScheduled replaces its voyage. {@link PromiseModel} reads them into memory.
 */
@ApplicationScoped
public class PromiseFeed {
    /** A region's older snapshot goes; the new one comes in unless a newer one is there (events may come late). */
    private static final String DROP_OLDER_WEEKS = "DELETE FROM promise_week WHERE region = ?1 AND computed_at < ?2";
    private static final String INSERT_WEEKS = """
            INSERT INTO promise_week (region, week, free, computed_at)
            SELECT ?1, week, free, ?2 FROM unnest(cast(?3 as text[]), cast(?4 as int[])) AS w(week, free)
            WHERE NOT EXISTS (SELECT 1 FROM promise_week WHERE region = ?1 AND computed_at >= ?2)""";
    private static final String UPSERT_SAILING = """
            INSERT INTO promise_sailing (voyage_id, destination_port, cut_off, eta, scheduled_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (voyage_id) DO UPDATE SET cut_off = excluded.cut_off, eta = excluded.eta,
                scheduled_at = excluded.scheduled_at WHERE promise_sailing.scheduled_at <= excluded.scheduled_at""";

    /** Applies the batch's availability and sailing events, in order. Runs in the caller's transaction. */
    public Uni<Void> record(List<IncomingEvent> events) {
        List<Object> model = events.stream().map(IncomingEvent::payload)
                .filter(p -> p instanceof LineAvailability || p instanceof SailingScheduled).map(p -> (Object) p).toList();
        if (model.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(model)
                .onItem().transformToUniAndConcatenate(event -> event instanceof LineAvailability a
                        ? availability(session, a) : sailing(session, (SailingScheduled) event))
                .collect().last()).replaceWithVoid();
    }

    private static Uni<Integer> availability(Mutiny.Session session, LineAvailability a) {
        return session.createNativeQuery(DROP_OLDER_WEEKS).setParameter(1, a.region().name())
                .setParameter(2, a.computedAt().atOffset(ZoneOffset.UTC)).executeUpdate()
                .chain(() -> session.createNativeQuery(INSERT_WEEKS).setParameter(1, a.region().name())
                        .setParameter(2, a.computedAt().atOffset(ZoneOffset.UTC))
                        .setParameter(3, a.weeks().stream().map(LineAvailability.WeekRoom::week).toArray(String[]::new))
                        .setParameter(4, a.weeks().stream().map(LineAvailability.WeekRoom::free).toArray(Integer[]::new))
                        .executeUpdate());
    }

    private static Uni<Integer> sailing(Mutiny.Session session, SailingScheduled s) {
        return session.createNativeQuery(UPSERT_SAILING).setParameter(1, s.voyageId()).setParameter(2, s.destinationPort())
                .setParameter(3, s.cutOff().atOffset(ZoneOffset.UTC)).setParameter(4, s.eta().atOffset(ZoneOffset.UTC))
                .setParameter(5, s.scheduledAt().atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
