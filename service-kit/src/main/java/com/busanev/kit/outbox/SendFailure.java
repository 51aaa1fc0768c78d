package com.busanev.kit.outbox;

import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** What a failed send says: the broker is away, or Kafka refused this one record, for now or for good. */
enum SendFailure {
    /**
     * Kafka cannot be reached or will not let this service in (a retriable error: timeouts, no leader; or the
     * credentials): the record is not at fault, nothing is charged to it and the whole relay backs off.
     */
    UNAVAILABLE,
    /** Kafka refused this record and always will as it is (too large, a bad or forbidden topic): parked at once. */
    PERMANENT,
    /** Kafka refused this record for another reason: retried with back-off, parked after the maximum attempts. */
    REFUSED;

    private static final Set<Class<? extends Exception>> PERMANENT_ERRORS = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, TopicAuthorizationException.class,
            InvalidRecordException.class, SerializationException.class);

    static SendFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Class<? extends Throwable> type = cause.getClass();
            if (PERMANENT_ERRORS.stream().anyMatch(permanent -> permanent.isAssignableFrom(type))) {
                return PERMANENT;
            }
            if (cause instanceof RetriableException || cause instanceof AuthenticationException
                    || cause instanceof ClusterAuthorizationException) {
                return UNAVAILABLE;
            }
        }
        return REFUSED;
    }
}
