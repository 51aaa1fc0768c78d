package com.busanev.production.sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a day's sequence from scratch, exactly as the ROADEF 2005 challenge defines it. Deliberately simple and
 * independent of the solver's incremental bookkeeping, so it can check it.
 * <ul>
 * <li>Ratio N/P: every window of P consecutive cars that holds at least one day-D car (so windows beginning
 * among the D-1 cars count) adds {@code max(0, carriers - N)}; at the end of the day the windows get shorter and
 * still allow N.</li>
 * <li>Colour changes: neighbouring day-D cars of different colours, plus one if the first day-D car's colour
 * differs from the last D-1 car's.</li>
 * <li>Paint batch limit: runs of same-colour day-D cars longer than the limit (hard).</li>
 * </ul>
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Scores the day's cars in the order given by {@code order} (indexes into {@code problem.day()}). */
    public static Score evaluate(SequencingProblem problem, int[] order) {
        List<Vehicle> day = new ArrayList<>(order.length);
        for (int index : order) {
            day.add(problem.day().get(index));
        }
        return evaluate(problem, day);
    }

    /** Scores {@code day}, a permutation of the problem's day cars, as the day's sequence. */
    public static Score evaluate(SequencingProblem problem, List<Vehicle> day) {
        if (day.size() != problem.day().size()) {
            throw new IllegalArgumentException("the sequence has " + day.size() + " cars, the day " + problem.day().size());
        }
        List<Vehicle> line = new ArrayList<>(problem.fixed());
        line.addAll(day);
        int first = problem.fixed().size();
        long high = 0;
        long low = 0;
        for (int c = 0; c < problem.ratios().size(); c++) {
            RatioConstraint ratio = problem.ratios().get(c);
            long excess = 0;
            for (int start = Math.max(0, first - ratio.p() + 1); start < line.size(); start++) {
                int carriers = 0;
                for (int k = start; k < Math.min(line.size(), start + ratio.p()); k++) {
                    if (line.get(k).carries(c)) {
                        carriers++;
                    }
                }
                excess += Math.max(0, carriers - ratio.n());
            }
            if (ratio.highPriority()) {
                high += excess;
            } else {
                low += excess;
            }
        }
        long changes = 0;
        long overLimit = 0;
        int run = 0;
        for (int k = first; k < line.size(); k++) {
            boolean sameAsBefore = k > 0 && line.get(k).colour().equals(line.get(k - 1).colour());
            if (!sameAsBefore) {
                changes += k > 0 ? 1 : 0;
            }
            run = sameAsBefore && k > first ? run + 1 : 1;
            if (run == problem.paintBatchLimit() + 1) {
                overLimit++;
            }
        }
        long objective = problem.weight(Objective.HIGH_PRIORITY_RATIOS) * high
                + problem.weight(Objective.LOW_PRIORITY_RATIOS) * low
                + problem.weight(Objective.COLOUR_CHANGES) * changes;
        return new Score(high, low, changes, overLimit, objective);
    }
}
