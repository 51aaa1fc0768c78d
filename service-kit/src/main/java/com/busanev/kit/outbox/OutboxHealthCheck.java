package com.busanev.kit.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code outbox} at /q/health/well: DOWN while rows are parked or the oldest pending row is older than
 * {@code kit.outbox.max-pending-age}. A wellness check, not readiness: Kubernetes probes never see it, so a parked
 * row calls an operator without taking the pod out of service.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxBacklog backlog;
    private final OutboxConfig config;

    OutboxHealthCheck(OutboxBacklog backlog, OutboxConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog.Counts counts = backlog.counts();
        boolean flowing = counts.parked() == 0
                && counts.oldestPendingAgeSeconds() <= config.maxPendingAge().toSeconds();
        return HealthCheckResponse.named("outbox").status(flowing)
                .withData("pending", counts.pending())
                .withData("parked", counts.parked())
                .withData("oldestPendingAgeSeconds", counts.oldestPendingAgeSeconds())
                .build();
    }
}
