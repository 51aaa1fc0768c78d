package com.busanev.supplier.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.IsoWeek;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A demand batch's week mark waits for no other transaction's marks: with the week as key, a batch marking a week that
 * another transaction had marked or was taking (the recompute tick) waited until that transaction ended.
 */
@QuarkusTest
class PendingWeeksTest {
    /** Far beyond the plan horizon, so the service's own ticks recompute nothing for it. */
    private static final IsoWeek WEEK = IsoWeek.parse("2040-W10");

    @Inject
    PendingWeeks pendingWeeks;

    @Test
    void aMarkDoesNotWaitForAnotherTransactionMarkingTheSameWeek() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            other.setAutoCommit(false);
            try (PreparedStatement mark = other.prepareStatement("INSERT INTO pending_week (week) VALUES (?)")) {
                mark.setString(1, WEEK.toString());
                mark.executeUpdate();
            }
            // the other transaction stays open while the service marks the same week
            CompletableFuture<Void> marked = CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> pendingWeeks.mark(Set.of(WEEK))));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                // the old key made this wait for the other transaction: here it never ends before the rollback below
                marked.get(30, TimeUnit.SECONDS);
            } finally {
                other.rollback();
            }
        }
    }
}
