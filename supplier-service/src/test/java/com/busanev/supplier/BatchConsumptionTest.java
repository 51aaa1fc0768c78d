package com.busanev.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.DomainEvent;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The kit's batch consumption on the real broker and database, through supplier-service's demand consumer: records
 * produced together reach the consumer as one batch (or a few), which applies in one transaction in record order.
 * Each test keys all its records by one order, so they share a partition and their order is the order they were sent.
 */
@QuarkusTest
class BatchConsumptionTest {
    private static final String DEAD_LETTERS = Topics.deadLetter("supplier-service");
    private static final IsoWeek FIRST = IsoWeek.of(LocalDate.now()).plusWeeks(3);
    private static final IsoWeek SECOND = FIRST.plusWeeks(1);
    private static final IsoWeek THIRD = FIRST.plusWeeks(2);

    @Inject
    AgroalDataSource database;

    @Test
    void anInvalidEventInABatchIsDeadLetteredAndTheValidOnesApplyInOrder() throws Exception {
        UUID order = UUID.randomUUID();
        String[] valid = ids(3);
        String invalid = UUID.randomUUID().toString();
        KafkaResource.companion().produceStrings().fromRecords(
                CloudEventRecords.of(scheduled(order, FIRST.toString()), valid[0]),
                CloudEventRecords.of(scheduled(order, "2026-W60"), invalid),
                CloudEventRecords.of(rescheduled(order, SECOND), valid[1]),
                CloudEventRecords.of(rescheduled(order, THIRD), valid[2])).awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(processed(valid)).isEqualTo(3));
        assertThat(demandWeek(order)).contains(THIRD.toString());
        List<String> reasons = CloudEventRecords.all(DEAD_LETTERS, order.toString(), Duration.ofSeconds(5)).stream()
                .map(dead -> CloudEventRecords.header(dead, "dead-letter-reason").orElseThrow()).toList();
        assertThat(reasons).singleElement().satisfies(reason -> assertThat(reason).contains("2026-W60"));
        assertThat(processed(invalid)).isZero();
    }

    @Test
    void anEventDeliveredTwiceInABatchIsAppliedOnce() throws Exception {
        UUID order = UUID.randomUUID();
        String[] ids = ids(2);
        ProducerRecord<String, String> first = CloudEventRecords.of(scheduled(order, FIRST.toString()), ids[0]);
        // the first event again after the move: applied a second time, it would put the demand back in FIRST
        KafkaResource.companion().produceStrings()
                .fromRecords(first, CloudEventRecords.of(rescheduled(order, SECOND), ids[1]), first).awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(processed(ids)).isEqualTo(2));
        assertThat(demandWeek(order)).contains(SECOND.toString());
    }

    @Test
    void theGroupCommitsTheOffsetsOfABatchOnceItApplied() throws Exception {
        UUID order = UUID.randomUUID();
        String[] ids = ids(2);
        RecordMetadata last = KafkaResource.companion().produceStrings().fromRecords(
                        CloudEventRecords.of(scheduled(order, FIRST.toString()), ids[0]),
                        CloudEventRecords.of(rescheduled(order, SECOND), ids[1]))
                .awaitCompletion().getLastRecord();
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());

        // a restarted consumer resumes at the committed offset: past the batch, so nothing is read again
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Optional.ofNullable(
                        KafkaResource.companion().consumerGroups().offsets("supplier-service", partition))
                .map(OffsetAndMetadata::offset)).hasValueSatisfying(offset -> assertThat(offset)
                .isGreaterThan(last.offset())));
        assertThat(processed(ids)).isEqualTo(2);
        assertThat(demandWeek(order)).contains(SECOND.toString());
    }

    @Test
    void aBurstOfOrdersLeavesEachItsOwnDemand() throws Exception {
        // many orders over every partition, so batches are large and mix orders: blocked for packs, then scheduled,
        // every third then cancelled; each order's last word decides its demand
        List<UUID> orders = Stream.generate(UUID::randomUUID).limit(600).toList();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            UUID order = orders.get(i);
            records.add(record(new BuildBlocked(order, "US", Region.NA, BlockReason.NO_PACKS, FIRST.toString(),
                    "no packs", Instant.now()), ids));
            records.add(record(scheduled(order, SECOND.toString()), ids));
            if (i % 3 == 0) {
                records.add(record(new BuildCancelled(order, Region.NA, SECOND.toString(), Instant.now()), ids));
            }
        }
        KafkaResource.companion().produceStrings().fromRecords(records).awaitCompletion();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(processed(ids.toArray(String[]::new))).isEqualTo(ids.size()));
        Map<UUID, String> demand = demandWeeks(orders);
        for (int i = 0; i < orders.size(); i++) {
            assertThat(demand.get(orders.get(i))).as("demand of order %d", i).isEqualTo(i % 3 == 0 ? null : SECOND.toString());
        }

        // The burst's demand goes again: stock carries over the weeks, and other tests' packs must not feed these cars.
        List<ProducerRecord<String, String>> cancels = new ArrayList<>();
        List<String> cancelIds = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (i % 3 != 0) {
                cancels.add(record(new BuildCancelled(orders.get(i), Region.NA, SECOND.toString(), Instant.now()), cancelIds));
            }
        }
        KafkaResource.companion().produceStrings().fromRecords(cancels).awaitCompletion();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(demandWeeks(orders)).isEmpty());
    }

    private static ProducerRecord<String, String> record(DomainEvent event, List<String> ids) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return CloudEventRecords.of(event, id);
    }

    private Map<UUID, String> demandWeeks(List<UUID> orders) throws SQLException {
        Map<UUID, String> weeks = new HashMap<>();
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT order_id, week FROM demand WHERE order_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", orders.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    weeks.put(result.getObject(1, UUID.class), result.getString(2));
                }
            }
        }
        return weeks;
    }

    private static BuildScheduled scheduled(UUID order, String week) {
        return new BuildScheduled(order, "US", Region.NA, "Polestar 4 Long range", LocalDate.now(), week, Instant.now());
    }

    private static BuildRescheduled rescheduled(UUID order, IsoWeek week) {
        return new BuildRescheduled(order, Region.NA, LocalDate.now(), week.monday(), week.toString(), "supply moved",
                Instant.now());
    }

    private static String[] ids(int count) {
        return Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toArray(String[]::new);
    }

    private Optional<String> demandWeek(UUID order) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT week FROM demand WHERE order_id = ?")) {
            statement.setObject(1, order);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** How many of these event ids the inbox holds. */
    private long processed(String... ids) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM processed_event WHERE event_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("text", ids));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
