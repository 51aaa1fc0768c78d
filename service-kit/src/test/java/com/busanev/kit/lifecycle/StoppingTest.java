package com.busanev.kit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StoppingTest {
    private static ShutdownConfig drainingFor(Duration timeout) {
        return () -> timeout;
    }

    @Test
    void workStillRunningAfterTheDrainTimeoutIsCutOff() throws Exception {
        Stopping stopping = new Stopping(drainingFor(Duration.ofMillis(100)));
        stopping.trackedUnlessStopping(() -> Uni.createFrom().<String>emitter(emitter -> { })).subscribe().with(item -> { });

        CompletableFuture.runAsync(() -> shutDown(stopping)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aBatchStartedBeforeTheShutdownIsWaitedFor() throws Exception {
        Stopping stopping = new Stopping(drainingFor(Duration.ofSeconds(30)));
        AtomicReference<UniEmitter<? super String>> batch = new AtomicReference<>();
        CompletableFuture<String> applied = stopping.trackedUnlessStopping(() -> Uni.createFrom().<String>emitter(batch::set))
                .subscribeAsCompletionStage();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> shutDown(stopping));
        Thread.sleep(200);
        assertThat(shutdown).as("shutdown while a batch is still in its transaction").isNotDone();
        assertThat(stopping.now()).isTrue();

        batch.get().complete("committed");
        shutdown.get(5, TimeUnit.SECONDS);
        assertThat(applied).isCompletedWithValue("committed");
    }

    @Test
    void noBatchStartsOnceTheShutdownBegan() throws Exception {
        Stopping stopping = new Stopping(drainingFor(Duration.ofSeconds(30)));
        shutDown(stopping);
        AtomicBoolean started = new AtomicBoolean();

        CompletableFuture<String> applied = stopping.trackedUnlessStopping(() -> {
            started.set(true);
            return Uni.createFrom().item("applied");
        }).subscribeAsCompletionStage();

        assertThat(started).as("a batch handed over during the shutdown is not applied").isFalse();
        Thread.sleep(100);
        assertThat(applied).as("nor acknowledged: it is read again after the next start").isNotDone();
        // and it holds no later shutdown step: nothing counts as running
        CompletableFuture.runAsync(() -> shutDown(stopping)).get(1, TimeUnit.SECONDS);
    }

    @Test
    void periodicWorkDoesNotStartOnceTheShutdownBegan() {
        Stopping stopping = new Stopping(drainingFor(Duration.ofSeconds(1)));
        shutDown(stopping);
        AtomicBoolean started = new AtomicBoolean();

        String result = stopping.quietly(Uni.createFrom().item(() -> {
            started.set(true);
            return "ran";
        })).await().indefinitely();

        assertThat(started).isFalse();
        assertThat(result).isNull();
    }

    @Test
    void periodicWorkCutOffByTheShutdownEndsQuietly() {
        Stopping stopping = new Stopping(drainingFor(Duration.ofMillis(50)));
        AtomicReference<UniEmitter<? super String>> work = new AtomicReference<>();
        CompletableFuture<String> running = stopping.quietly(Uni.createFrom().<String>emitter(work::set)).subscribeAsCompletionStage();
        shutDown(stopping);
        work.get().fail(new IllegalStateException("pool closed"));
        assertThat(running).isCompletedWithValue(null);
    }

    @Test
    void periodicWorkFailingWhileTheServiceRunsStillFails() {
        Stopping stopping = new Stopping(drainingFor(Duration.ofMillis(50)));
        assertThat(stopping.quietly(Uni.createFrom().<String>failure(new IllegalStateException("bug"))).subscribeAsCompletionStage())
                .isCompletedExceptionally();
    }

    private static void shutDown(Stopping stopping) {
        try {
            stopping.onShutdown(new ShutdownEvent());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
