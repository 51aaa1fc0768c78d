package com.busanev.order.admission;

import com.busanev.kit.outbox.OutboxBacklog;
import com.busanev.kit.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether new orders are taken now. A burst of orders is taken as fast as the database writes them, while the plant's
 * planning, the suppliers, the port and the order tracking work through them at the pace of the whole chain; without
 * a bound the chain would fall ever further behind (and every order's status with it). So intake pauses while a
 * watched consumer group is more than {@code order.admission.max-lag} records behind, or while this service's own
 * outbox holds more than {@code order.admission.max-unpublished} events its relay has not published yet (orders
 * stored that the chain cannot see, a lag no consumer group shows): the brand's system gets 503 with Retry-After and
 * sends the same request again (safe with its Idempotency-Key), and nothing of the refused request was written. Both
 * need a current reading of the chain's lag, i.e. Kafka answering: with Kafka away the outbox keeps the events and
 * intake goes on.
 */
@ApplicationScoped
public class OrderAdmission {
    public static final String REFUSED = "order.admission.refused";

    private final AdmissionConfig config;
    private final ChainLag lag;
    private final OutboxBacklog outbox;
    private final Counter refused;

    OrderAdmission(AdmissionConfig config, ChainLag lag, OutboxBacklog outbox, MeterRegistry registry) {
        this.config = config;
        this.lag = lag;
        this.outbox = outbox;
        this.refused = Counter.builder(REFUSED).description("Order placements refused with 503 while the chain caught up")
                .register(registry);
    }

    /** Fails with 503 and Retry-After while the chain is too far behind to take more orders. */
    public void admit() {
        ChainLag.Reading reading = lag.latest();
        if (Duration.between(reading.at(), Instant.now()).compareTo(config.maxReadingAge()) > 0) {
            return;
        }
        if (config.maxLag() > 0 && reading.records() > config.maxLag()) {
            refuse(reading.group() + " is " + reading.records() + " events behind (the bound is " + config.maxLag() + ")");
        }
        long unpublished = outbox.counts().pending();
        if (config.maxUnpublished() > 0 && unpublished > config.maxUnpublished()) {
            refuse("order-service has " + unpublished + " events stored and not yet published (the bound is "
                    + config.maxUnpublished() + ")");
        }
    }

    private void refuse(String why) {
        refused.increment();
        throw ProblemException.unavailable("Order intake is paused while the plant's systems catch up: " + why
                + ". Send the same request again after the Retry-After seconds; nothing of it was stored.",
                config.retryAfter());
    }
}
