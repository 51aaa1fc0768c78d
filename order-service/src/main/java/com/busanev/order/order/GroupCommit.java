package com.busanev.order.order;

import com.busanev.kit.idempotency.IdempotencyRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single orders placed at the same time share one write (group commit): an order waits only while
 * {@link IntakeConfig#concurrentWrites()} writes are in flight, and the next write takes every order that arrived
 * meanwhile, so a lone order is written at once and a crowd in a few statements instead of one transaction each.
 * Each order still gets its own answer: when a combined write conflicts (a reference or key already used), nothing
 * of it was written and each of its orders is written again alone, so only the one that conflicts fails.
 */
@ApplicationScoped
class GroupCommit {
    private record Pending(NewOrder order, IdempotencyRecord key, Context context, UniEmitter<? super Void> emitter) {
        void answer(Throwable failure) {
            if (context == null) {
                complete(failure);
            } else {
                // Back on the request's own context: its session and response belong there.
                context.runOnContext(ignored -> complete(failure));
            }
        }

        private void complete(Throwable failure) {
            if (failure == null) {
                emitter.complete(null);
            } else {
                emitter.fail(failure);
            }
        }
    }

    private final OrderWriter writer;
    private final IntakeConfig config;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writing = new AtomicInteger();

    GroupCommit(OrderWriter writer, IntakeConfig config) {
        this.writer = writer;
        this.config = config;
    }

    /** Writes the order (and its key record, if any) atomically; fails with the conflict if this order alone conflicts. */
    Uni<Void> write(NewOrder order, IdempotencyRecord key) {
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Pending(order, key, Vertx.currentContext(), emitter));
            drain();
        });
    }

    /** Starts writes while there are orders waiting and a write slot is free. */
    private void drain() {
        while (!waiting.isEmpty()) {
            int inFlight = writing.get();
            if (inFlight >= config.concurrentWrites()) {
                return; // the write in flight drains again when it ends
            }
            if (!writing.compareAndSet(inFlight, inFlight + 1)) {
                continue;
            }
            List<Pending> group = new ArrayList<>();
            for (Pending next; group.size() < config.maxGroup() && (next = waiting.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                writing.decrementAndGet();
                continue;
            }
            write(group).subscribe().with(done -> {
                writing.decrementAndGet();
                drain();
            });
        }
    }

    /** Completes when every order of the group has its answer; never fails. */
    private Uni<Void> write(List<Pending> group) {
        return insert(group)
                .onFailure(failure -> group.size() > 1 && OrderWriter.isConflict(failure))
                .recoverWithUni(() -> Uni.join().all(group.stream().map(pending -> insert(List.of(pending))
                                .onFailure().invoke(pending::answer).onFailure().recoverWithNull()).toList())
                        .andCollectFailures().replaceWithVoid())
                .onFailure().invoke(failure -> group.forEach(pending -> pending.answer(failure)))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> insert(List<Pending> group) {
        return writer.insert(group.stream().map(Pending::order).toList(),
                        group.stream().map(Pending::key).filter(Objects::nonNull).toList())
                .invoke(() -> group.forEach(pending -> pending.answer(null)));
    }
}
