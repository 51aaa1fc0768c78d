package com.busanev.production.sequence;

import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether a production day can take a build whose option packs or colour changed, under the HIGH-priority ratio rules
 * (at most n carriers in any p consecutive cars). However the day is sequenced, a day of c cars cannot hold more than
 * ceil(c * n / p) carriers without breaking such a rule, so a change that adds a carrier to a day already at that count
 * only buys violations: the build must move. Counted over the day's Polestar builds (the plant's own vehicles are not:
 * an approximation; they rarely carry the Polestar's option packs, and the sequence still scores them).
 */
@ApplicationScoped
public class StationLoad {
    private final Rules rules;

    StationLoad(Rules rules) {
        this.rules = rules;
    }

    /**
     * The names of the HIGH-priority rules the build carries now but did not {@code before} that {@code day} has no
     * room left for, with the build on it; empty when it fits (no query when the change adds no carrier). Runs in the
     * caller's session.
     */
    public Uni<List<String>> overloaded(Build build, Build.Spec before, LocalDate day) {
        SequencedCar after = SequencedCar.of(build);
        SequencedCar was = SequencedCar.of(build.orderId, build.variant, before.exteriorColour(), before.optionPacks());
        return rules.current().chain(current -> {
            List<SequencingRules.Ratio> added = current.document().ratios().stream()
                    .filter(ratio -> ratio.priority() == SequencingRules.Priority.HIGH)
                    .filter(ratio -> ratio.carriers().carriedBy(after) && !ratio.carriers().carriedBy(was))
                    .toList();
            if (added.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return Build.<Build>list("plannedDate = ?1 and status = ?2 and orderId <> ?3", day, BuildStatus.SCHEDULED,
                    build.orderId).map(others -> {
                        int cars = others.size() + 1;
                        return added.stream().filter(ratio -> {
                            long carriers = 1 + others.stream().map(SequencedCar::of)
                                    .filter(ratio.carriers()::carriedBy).count();
                            return carriers > ((long) cars * ratio.n() + ratio.p() - 1) / ratio.p();
                        }).map(SequencingRules.Ratio::name).toList();
                    });
        });
    }
}
