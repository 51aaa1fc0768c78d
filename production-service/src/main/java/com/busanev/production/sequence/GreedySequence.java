package com.busanev.production.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A starting sequence built car by car: at each position the car that adds the least weighted cost to the windows
 * ending there and to the colour changes, never extending a colour run past the paint batch limit; among equals
 * the car whose options are hardest to place (the tightest N/P) goes first, so they are not all left for the end.
 * Cars with the same colour and options are one candidate, so a step costs the number of such classes, not cars.
 */
final class GreedySequence {
    private GreedySequence() {
    }

    static int[] build(SequencingProblem problem) {
        List<RatioConstraint> ratios = problem.ratios();
        Map<Object, List<Integer>> classes = new LinkedHashMap<>();
        for (int i = 0; i < problem.day().size(); i++) {
            Vehicle v = problem.day().get(i);
            classes.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> members = new ArrayList<>(classes.values());
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (Vehicle v : problem.day()) {
            colours.merge(v.colour(), 1, Integer::sum);
        }
        List<String> colourNames = new ArrayList<>(colours.keySet());
        int[] left = colours.values().stream().mapToInt(Integer::intValue).toArray();
        int[] taken = new int[members.size()];
        double[] difficulty = new double[members.size()];
        for (int m = 0; m < members.size(); m++) {
            Vehicle v = problem.day().get(members.get(m).get(0));
            for (int c = 0; c < ratios.size(); c++) {
                if (v.carries(c)) {
                    difficulty[m] += problem.weight(Line.objectiveOf(ratios.get(c)))
                            * (double) ratios.get(c).p() / Math.max(1, ratios.get(c).n());
                }
            }
        }
        List<Vehicle> line = new ArrayList<>(problem.fixed());
        int[] recent = new int[ratios.size()];
        for (int c = 0; c < ratios.size(); c++) {
            for (int k = Math.max(0, line.size() - ratios.get(c).p() + 1); k < line.size(); k++) {
                recent[c] += line.get(k).carries(c) ? 1 : 0;
            }
        }
        long colourWeight = problem.weight(Objective.COLOUR_CHANGES);
        int run = 0;
        int[] order = new int[problem.day().size()];
        for (int position = 0; position < order.length; position++) {
            Vehicle previous = line.isEmpty() ? null : line.get(line.size() - 1);
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int m = 0; m < members.size(); m++) {
                if (taken[m] == members.get(m).size()) {
                    continue;
                }
                Vehicle v = problem.day().get(members.get(m).get(0));
                boolean sameColour = previous != null && previous.colour().equals(v.colour());
                int colourIndex = colourNames.indexOf(v.colour());
                int runAfter = sameColour && position > 0 ? run + 1 : 1;
                if (runAfter > problem.paintBatchLimit()
                        || !restCanKeepLimit(left, colourIndex, runAfter, problem.paintBatchLimit())) {
                    continue;
                }
                long cost = sameColour || previous == null ? 0 : colourWeight;
                for (int c = 0; c < ratios.size(); c++) {
                    if (v.carries(c) && recent[c] + 1 > ratios.get(c).n()) {
                        cost += problem.weight(Line.objectiveOf(ratios.get(c)));
                    }
                }
                if (cost < bestCost || cost == bestCost && difficulty[m] > difficulty[best]) {
                    best = m;
                    bestCost = cost;
                }
            }
            if (best < 0) {
                // only the colour of a full batch is left: break the limit; the caller sees the sequence invalid
                for (best = 0; taken[best] == members.get(best).size(); best++) {
                }
            }
            int car = members.get(best).get(taken[best]++);
            Vehicle v = problem.day().get(car);
            left[colourNames.indexOf(v.colour())]--;
            run = position > 0 && previous.colour().equals(v.colour()) ? run + 1 : 1;
            line.add(v);
            for (int c = 0; c < ratios.size(); c++) {
                int leaving = line.size() - ratios.get(c).p();
                recent[c] += (v.carries(c) ? 1 : 0) - (leaving >= 0 && line.get(leaving).carries(c) ? 1 : 0);
            }
            order[position] = car;
        }
        return order;
    }

    /**
     * Whether, after taking a car of {@code colour} (now a run of {@code run}), the cars left can still be sequenced
     * within the limit: each colour needs at least one other car between batches, and {@code colour}'s first batch
     * has only {@code limit - run} places left.
     */
    private static boolean restCanKeepLimit(int[] left, int colour, int run, int limit) {
        long total = -1;
        for (int count : left) {
            total += count;
        }
        for (int c = 0; c < left.length; c++) {
            long mine = c == colour ? left[c] - 1 : left[c];
            long others = total - mine;
            long room = c == colour ? limit - run + limit * others : limit * (others + 1);
            if (mine > room) {
                return false;
            }
        }
        return true;
    }
}
