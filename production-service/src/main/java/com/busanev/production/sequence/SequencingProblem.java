package com.busanev.production.sequence;

import java.util.List;

/**
 * One day to sequence: the ratio constraints, the paint shop's maximum batch (hard), the plant's objective order
 * (rank 1 first; an objective not listed weighs nothing), the end of the previous day already on the line
 * ({@code fixed}, in line order) and the day's cars (in their given order).
 */
public record SequencingProblem(List<RatioConstraint> ratios, int paintBatchLimit, List<Objective> objectives,
        List<Vehicle> fixed, List<Vehicle> day) {

    public SequencingProblem {
        ratios = List.copyOf(ratios);
        objectives = List.copyOf(objectives);
        fixed = List.copyOf(fixed);
        day = List.copyOf(day);
        if (paintBatchLimit < 1) {
            throw new IllegalArgumentException("paint batch limit must be at least 1, got " + paintBatchLimit);
        }
        if (objectives.size() > Objective.RANK_WEIGHTS.length || objectives.stream().distinct().count() != objectives.size()) {
            throw new IllegalArgumentException("objectives must be distinct, at most three: " + objectives);
        }
        for (Vehicle v : fixed) {
            checkOptions(v, ratios.size());
        }
        for (Vehicle v : day) {
            checkOptions(v, ratios.size());
        }
    }

    private static void checkOptions(Vehicle v, int ratios) {
        if (v.options().length != ratios) {
            throw new IllegalArgumentException("vehicle " + v.ident() + " has " + v.options().length
                    + " option flags for " + ratios + " ratio constraints");
        }
    }

    /** The weight of an objective: 1,000,000, 1,000 or 1 by its rank, 0 if the plant did not rank it. */
    public long weight(Objective objective) {
        int rank = objectives.indexOf(objective);
        return rank < 0 ? 0 : Objective.RANK_WEIGHTS[rank];
    }
}
