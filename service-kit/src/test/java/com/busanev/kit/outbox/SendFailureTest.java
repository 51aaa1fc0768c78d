package com.busanev.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void aRecordThatCanNeverPassIsPermanentEvenWhenWrapped() {
        assertThat(SendFailure.of(new RecordTooLargeException("1.1 MB"))).isEqualTo(SendFailure.PERMANENT);
        assertThat(SendFailure.of(new TopicAuthorizationException("no write"))).isEqualTo(SendFailure.PERMANENT);
        assertThat(SendFailure.of(new CompletionException(new SerializationException("bad"))))
                .isEqualTo(SendFailure.PERMANENT);
    }

    @Test
    void aBrokerAwayOrCredentialsRefusedChargeNoRecord() {
        assertThat(SendFailure.of(new TimeoutException("not in metadata"))).isEqualTo(SendFailure.UNAVAILABLE);
        assertThat(SendFailure.of(new NotEnoughReplicasException("isr"))).isEqualTo(SendFailure.UNAVAILABLE);
        assertThat(SendFailure.of(new SaslAuthenticationException("password"))).isEqualTo(SendFailure.UNAVAILABLE);
    }

    @Test
    void anyOtherRefusalIsRetriedAndCounted() {
        assertThat(SendFailure.of(new UnknownServerException("broker bug"))).isEqualTo(SendFailure.REFUSED);
        assertThat(SendFailure.of(new KafkaException("other"))).isEqualTo(SendFailure.REFUSED);
        assertThat(SendFailure.of(new IllegalStateException("not Kafka's"))).isEqualTo(SendFailure.REFUSED);
    }
}
