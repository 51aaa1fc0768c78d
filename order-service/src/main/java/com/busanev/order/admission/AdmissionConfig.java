package com.busanev.order.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** When order intake pauses so the chain behind it can catch up (order.admission.*). */
@ConfigMapping(prefix = "order.admission")
public interface AdmissionConfig {
    /**
     * Intake answers 503 with Retry-After while one watched consumer group is more records behind than this; 0 never
     * pauses. Measured on two cores with a year of orders in one burst (docs/benchmarks, "intake paced by the
     * chain"): at 250,000 the intake's lag stops at the bound and the year takes 583 s (median) against 499 s
     * unpaced; at 100,000 it took 14 minutes, since the accelerated plant clock keeps making work while intake waits.
     */
    @WithDefault("250000")
    long maxLag();

    /**
     * Intake also answers 503 while this service's outbox holds more events than this not yet published: its relay
     * behind, the orders stored but not yet visible to the chain; 0 never pauses. Measured (docs/benchmarks,
     * 2026-12-03): with a brand sending two batch calls at a time and no such bound the backlog grew to 143,500
     * events while every consumer group was within the lag bound; one caller at a time peaks at 7,500-12,500.
     */
    @WithDefault("20000")
    long maxUnpublished();

    /**
     * The consumer groups an order passes through on its way to a booked shipment; set in application.properties,
     * next to the reason (the Kafka ACLs follow it).
     */
    List<String> consumerGroups();

    /** How often the groups' lag is read from Kafka. */
    @WithDefault("1s")
    Duration refreshInterval();

    /** A reading older than this (Kafka away or slow to answer) no longer pauses intake. */
    @WithDefault("10s")
    Duration maxReadingAge();

    /** What a paused request's Retry-After says. */
    @WithDefault("2s")
    Duration retryAfter();
}
