package com.busanev.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OutboxSendLogFilterTest {
    private final OutboxSendLogFilter filter = new OutboxSendLogFilter();

    @Test
    void dropsTheConnectorsSendFailuresOfTheOutboxChannelOnly() {
        assertThat(filter.isLoggable(record("SRMSG18206: Unable to write to Kafka from channel %s (topic: %s)",
                "outbox", "order-events"))).isFalse();
        assertThat(filter.isLoggable(record("SRMSG18212: Message %s from channel '%s' was not sent to Kafka topic"
                + " '%s' - nacking message", "message", "outbox", "order-events"))).isFalse();
        assertThat(filter.isLoggable(record("SRMSG18206: Unable to write to Kafka from channel %s (topic: %s)",
                "order-service.dlq", "order-service.dlq"))).isTrue();
        assertThat(filter.isLoggable(record("outbox event %s parked", "outbox"))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.INFO, null))).isTrue();
    }

    private static LogRecord record(String message, Object... parameters) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setParameters(parameters);
        return record;
    }
}
