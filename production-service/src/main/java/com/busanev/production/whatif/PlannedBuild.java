package com.busanev.production.whatif;

import com.busanev.events.Region;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a what-if needs of a build: who it is for, where it stands in the plan, and what orders it against others
 * ({@link com.busanev.production.plan.PlanPriority}). A projection of the build row (no entity, nothing managed).
 */
@RegisterForReflection
public record PlannedBuild(UUID orderId, String market, Region region, LocalDate plannedDate, int priority,
        Instant placedAt, String requestedWeek) {
}
