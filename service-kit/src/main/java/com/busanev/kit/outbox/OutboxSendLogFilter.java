package com.busanev.kit.outbox;

import io.quarkus.logging.LoggingFilter;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the Kafka connector's own ERROR lines about a record of the {@code outbox} channel it could not send
 * (SRMSG18206 "Unable to write", SRMSG18212 "nacking message"): the relay reports each such failure in its own
 * words, at its own level (a pause while Kafka is away, a warning for a refused row, one ERROR when it parks).
 * Without this, every retry of a refused row and every record in flight during a broker restart would log ERROR.
 */
@LoggingFilter(name = "outbox-send-failures")
public final class OutboxSendLogFilter implements Filter {
    private static final List<String> SEND_FAILURES = List.of("SRMSG18206", "SRMSG18212");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        return message == null || parameters == null
                || SEND_FAILURES.stream().noneMatch(message::startsWith)
                || !List.of(parameters).contains(OutboxRelay.CHANNEL);
    }
}
