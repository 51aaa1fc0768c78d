package com.busanev.production;

import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.placed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.testing.ScrapedMetrics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes at /q/metrics for the alerts and dashboard of k8s/components/monitoring: the blocked
 * backlog by region and reason, and the Kafka consumers' lag, each labelled with the service (the kit's
 * ApplicationTag). Tests count the backlog every second (application.properties, %test).
 */
@QuarkusTest
class MetricsTest {

    @Inject
    AgroalDataSource database;

    @Test
    void theBlockedBacklogIsExportedByRegionAndReason() {
        // Orders for a week no planning horizon reaches stay blocked for want of capacity.
        String unreachable = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(100).toString();
        for (int i = 0; i < 2; i++) {
            assertThat(awaitEvent(placed("DE", Region.EU, unreachable), BuildBlocked.class).reason())
                    .isEqualTo(BlockReason.NO_CAPACITY);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long blocked = blocked(Region.EU, BlockReason.NO_CAPACITY);
            assertThat(blocked).isGreaterThanOrEqualTo(2);
            assertThat(ScrapedMetrics.samples("production_blocked_builds"))
                    .containsEntry(Map.of("application", "production-service", "region", "EU", "reason", "NO_CAPACITY"),
                            (double) blocked);
        });
        // Every region and reason is a series, at 0 while nothing is blocked: an alert never waits for one to appear.
        assertThat(ScrapedMetrics.samples("production_blocked_builds").keySet()).hasSize(Region.values().length * BlockReason.values().length);
    }

    /** The lag the ConsumerLag alert watches: the Kafka client's own metric, per consumer (one per topic followed). */
    @Test
    void theConsumersLagIsExportedPerConsumer() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ScrapedMetrics.samples("kafka_consumer_fetch_manager_records_lag_max").keySet())
                .allSatisfy(labels -> assertThat(labels).containsEntry("application", "production-service"))
                .extracting(labels -> labels.get("client_id"))
                .contains("kafka-consumer-" + Topics.ORDER_EVENTS, "kafka-consumer-" + Topics.SUPPLIER_EVENTS));
    }


    private long blocked(Region region, BlockReason reason) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "SELECT count(*) FROM build WHERE status = 'BLOCKED' AND region = ? AND blocked_reason = ?")) {
            statement.setString(1, region.name());
            statement.setString(2, reason.name());
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
