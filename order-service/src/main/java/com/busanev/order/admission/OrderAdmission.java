package com.busanev.order.admission;

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
 * watched consumer group is more than {@code order.admission.max-lag} records behind: the brand's system gets 503
 * with Retry-After and sends the same request again (safe with its Idempotency-Key), and nothing of the refused
 * request was written.
 */
@ApplicationScoped
public class OrderAdmission {
    public static final String REFUSED = "order.admission.refused";

    private final AdmissionConfig config;
    private final ChainLag lag;
    private final Counter refused;

    OrderAdmission(AdmissionConfig config, ChainLag lag, MeterRegistry registry) {
        this.config = config;
        this.lag = lag;
        this.refused = Counter.builder(REFUSED).description("Order placements refused with 503 while the chain caught up")
                .register(registry);
    }

    /** Fails with 503 and Retry-After while the chain is too far behind to take more orders. */
    public void admit() {
        ChainLag.Reading reading = lag.latest();
        boolean current = Duration.between(reading.at(), Instant.now()).compareTo(config.maxReadingAge()) <= 0;
        if (config.maxLag() > 0 && current && reading.records() > config.maxLag()) {
            refused.increment();
            throw ProblemException.unavailable("Order intake is paused while the plant's systems catch up: "
                    + reading.group() + " is " + reading.records() + " events behind (the bound is " + config.maxLag()
                    + "). Send the same request again after the Retry-After seconds; nothing of it was stored.",
                    config.retryAfter());
        }
    }
}
