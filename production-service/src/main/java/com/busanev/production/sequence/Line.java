package com.busanev.production.sequence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line's sequence (D-1's fixed cars, then the day's) with the bookkeeping that lets a move be judged by the
 * windows and neighbours it touches only: per ratio constraint, the number of carriers in every window that holds
 * a day car; the number of colour changes; the weighted cost.
 * <p>
 * A move is staged as the positions it changes and the cars they get ({@link #swap}, {@link #moveBlock},
 * {@link #reverse}); {@link #paintLimitKept()} and {@link #delta()} judge it without changing anything, and
 * {@link #apply()} commits it. Positions are line positions; the day's cars occupy {@code fixed..size-1}.
 */
final class Line {
    private final int fixed;
    private final int size;
    private final int paintBatchLimit;
    /** Car at each line position; cars are numbered fixed first (0..fixed-1), then the day's in given order. */
    private final int[] seq;
    private final int[] colour;
    /** Cars with the same colour and options are interchangeable: moving one past the other changes nothing. */
    private final int[] carClass;
    /** Only constraints that weigh in the objective are tracked. */
    private final byte[][] carries;
    /** Per car, a bit per tracked constraint (the first 64) it carries: a move skips the constraints no car changes. */
    private final long[] optionBits;
    private final int[] allowed;
    private final int[] window;
    private final int[] firstWindow;
    private final long[] weight;
    private final int[][] carriersInWindow;
    private final long colourWeight;
    private long cost;
    private final int[] excess;
    /** The tracked constraints of the highest weight first, so a repair looks at what matters most. */
    private final int[] byWeight;

    // the staged move: changed positions in ascending order, their new cars, and a stamped overlay for lookups
    private int changed;
    private final int[] changedPosition;
    private final int[] changedCar;
    private final int[] overlayStamp;
    private final int[] overlayCar;
    private int stamp;
    private final int[] diffPosition;
    private final int[] diffValue;

    Line(SequencingProblem problem, int[] dayOrder) {
        fixed = problem.fixed().size();
        size = fixed + problem.day().size();
        paintBatchLimit = problem.paintBatchLimit();
        List<Vehicle> cars = new java.util.ArrayList<>(problem.fixed());
        cars.addAll(problem.day());
        colour = new int[size];
        carClass = new int[size];
        Map<String, Integer> colours = new HashMap<>();
        Map<Object, Integer> classes = new HashMap<>();
        for (int car = 0; car < size; car++) {
            Vehicle v = cars.get(car);
            colour[car] = colours.computeIfAbsent(v.colour(), c -> colours.size());
            carClass[car] = classes.computeIfAbsent(v.kind(), c -> classes.size());
        }
        int[] active = java.util.stream.IntStream.range(0, problem.ratios().size())
                .filter(c -> problem.weight(objectiveOf(problem.ratios().get(c))) > 0).toArray();
        carries = new byte[active.length][size];
        optionBits = new long[size];
        allowed = new int[active.length];
        window = new int[active.length];
        firstWindow = new int[active.length];
        weight = new long[active.length];
        carriersInWindow = new int[active.length][size];
        for (int c = 0; c < active.length; c++) {
            RatioConstraint ratio = problem.ratios().get(active[c]);
            allowed[c] = ratio.n();
            window[c] = ratio.p();
            firstWindow[c] = Math.max(0, fixed - ratio.p() + 1);
            weight[c] = problem.weight(objectiveOf(ratio));
            for (int car = 0; car < size; car++) {
                carries[c][car] = (byte) (cars.get(car).carries(active[c]) ? 1 : 0);
                if (carries[c][car] == 1 || c >= Long.SIZE) {
                    optionBits[car] |= 1L << Math.min(c, Long.SIZE - 1);
                }
            }
        }
        colourWeight = problem.weight(Objective.COLOUR_CHANGES);
        excess = new int[active.length];
        byWeight = java.util.stream.IntStream.range(0, active.length).boxed()
                .sorted((x, y) -> Long.compare(weight[y], weight[x])).mapToInt(Integer::intValue).toArray();
        seq = new int[size];
        for (int k = 0; k < fixed; k++) {
            seq[k] = k;
        }
        for (int k = 0; k < dayOrder.length; k++) {
            seq[fixed + k] = fixed + dayOrder[k];
        }
        changedPosition = new int[size];
        changedCar = new int[size];
        overlayStamp = new int[size];
        overlayCar = new int[size];
        diffPosition = new int[size];
        diffValue = new int[size];
        cost = initialCost();
    }

    static Objective objectiveOf(RatioConstraint ratio) {
        return ratio.highPriority() ? Objective.HIGH_PRIORITY_RATIOS : Objective.LOW_PRIORITY_RATIOS;
    }

    private long initialCost() {
        long total = 0;
        for (int c = 0; c < carries.length; c++) {
            int excess = 0;
            for (int start = firstWindow[c]; start < size; start++) {
                int count = 0;
                for (int k = start; k < Math.min(size, start + window[c]); k++) {
                    count += carries[c][seq[k]];
                }
                carriersInWindow[c][start] = count;
                excess += Math.max(0, count - allowed[c]);
            }
            this.excess[c] = excess;
            total += weight[c] * excess;
        }
        long changes = 0;
        for (int k = Math.max(1, fixed); k < size; k++) {
            changes += colour[seq[k]] != colour[seq[k - 1]] ? 1 : 0;
        }
        return total + colourWeight * changes;
    }

    int fixed() {
        return fixed;
    }

    int size() {
        return size;
    }

    long cost() {
        return cost;
    }

    int colourAt(int position) {
        return colour[seq[position]];
    }

    boolean sameClass(int a, int b) {
        return carClass[seq[a]] == carClass[seq[b]];
    }

    /** The day's order: indexes into {@code problem.day()}. */
    int[] dayOrder() {
        int[] order = new int[size - fixed];
        for (int k = fixed; k < size; k++) {
            order[k - fixed] = seq[k] - fixed;
        }
        return order;
    }

    /**
     * A day position holding a carrier of a violated window of one of the heaviest constraints still violated,
     * found from a random window on; -1 if no tracked constraint is violated.
     */
    int troubledPosition(java.util.SplittableRandom random) {
        int c = -1;
        int candidates = 0;
        for (int i = 0; i < byWeight.length; i++) {
            int k = byWeight[i];
            if (c >= 0 && weight[k] < weight[c]) {
                break;
            }
            if (excess[k] > 0 && random.nextInt(++candidates) == 0) {
                c = k;
            }
        }
        if (c < 0) {
            return -1;
        }
        int windows = size - firstWindow[c];
        int start = firstWindow[c] + random.nextInt(windows);
        for (int i = 0; i < windows; i++) {
            int w = start + i < size ? start + i : start + i - windows;
            if (carriersInWindow[c][w] > allowed[c]) {
                int found = -1;
                int seen = 0;
                for (int k = Math.max(w, fixed); k < Math.min(size, w + window[c]); k++) {
                    if (carries[c][seq[k]] == 1 && random.nextInt(++seen) == 0) {
                        found = k;
                    }
                }
                return found;
            }
        }
        return -1;
    }

    // ---- staging moves

    private void begin() {
        stamp++;
        changed = 0;
    }

    private void change(int position, int car) {
        changedPosition[changed] = position;
        changedCar[changed] = car;
        changed++;
        overlayStamp[position] = stamp;
        overlayCar[position] = car;
    }

    private int carAfter(int position) {
        return overlayStamp[position] == stamp ? overlayCar[position] : seq[position];
    }

    /** Stages exchanging the cars at day positions {@code a < b}. */
    void swap(int a, int b) {
        begin();
        change(a, seq[b]);
        change(b, seq[a]);
    }

    /** Stages moving the {@code length} cars starting at {@code from} so that they start at {@code to}. */
    void moveBlock(int from, int length, int to) {
        begin();
        if (to < from) {
            for (int k = to; k < to + length; k++) {
                change(k, seq[from + k - to]);
            }
            for (int k = to + length; k < from + length; k++) {
                change(k, seq[k - length]);
            }
        } else {
            for (int k = from; k < to; k++) {
                change(k, seq[k + length]);
            }
            for (int k = to; k < to + length; k++) {
                change(k, seq[from + k - to]);
            }
        }
    }

    /** Stages reversing the cars at day positions {@code from..to}. */
    void reverse(int from, int to) {
        begin();
        for (int k = from; k <= to; k++) {
            change(k, seq[from + to - k]);
        }
    }

    // ---- judging and committing the staged move

    /**
     * Whether no run of one colour among the day's cars gets longer than the paint batch limit. Only runs through a
     * position whose colour changes need a look: any other run lies inside a run the line already had.
     */
    boolean paintLimitKept() {
        int checkedTo = -1;
        for (int i = 0; i < changed; i++) {
            int k = changedPosition[i];
            int col = colour[changedCar[i]];
            if (k <= checkedTo || col == colour[seq[k]]) {
                continue;
            }
            int from = k;
            while (from - 1 >= fixed && colour[carAfter(from - 1)] == col) {
                from--;
            }
            int to = k;
            while (to + 1 < size && colour[carAfter(to + 1)] == col) {
                to++;
                if (to - from + 1 > paintBatchLimit) {
                    return false;
                }
            }
            if (to - from + 1 > paintBatchLimit) {
                return false;
            }
            checkedTo = to;
        }
        return true;
    }

    /** The change of the weighted cost the staged move would make. */
    long delta() {
        long delta = colourWeight == 0 ? 0 : colourWeight * colourChangesDelta();
        long touched = touchedConstraints();
        for (int c = 0; c < carries.length; c++) {
            if (isTouched(touched, c)) {
                delta += weight[c] * excessDelta(c, false);
            }
        }
        return delta;
    }

    /** Commits the staged move. */
    void apply() {
        long delta = colourWeight == 0 ? 0 : colourWeight * colourChangesDelta();
        long touched = touchedConstraints();
        for (int c = 0; c < carries.length; c++) {
            if (isTouched(touched, c)) {
                int change = excessDelta(c, true);
                excess[c] += change;
                delta += weight[c] * change;
            }
        }
        for (int i = 0; i < changed; i++) {
            seq[changedPosition[i]] = changedCar[i];
        }
        cost += delta;
        stamp++;
        changed = 0;
    }

    private long touchedConstraints() {
        long touched = 0;
        for (int i = 0; i < changed; i++) {
            touched |= optionBits[changedCar[i]] ^ optionBits[seq[changedPosition[i]]];
        }
        return touched;
    }

    private static boolean isTouched(long touched, int constraint) {
        return (touched & (1L << Math.min(constraint, Long.SIZE - 1))) != 0;
    }

    private int colourChangesDelta() {
        int delta = 0;
        int lastPair = -1;
        for (int i = 0; i < changed; i++) {
            int k = changedPosition[i];
            for (int pair = Math.max(Math.max(k, fixed), lastPair + 1); pair <= k + 1 && pair < size; pair++) {
                if (pair == 0) {
                    continue;
                }
                boolean before = colour[seq[pair - 1]] != colour[seq[pair]];
                boolean after = colour[carAfter(pair - 1)] != colour[carAfter(pair)];
                delta += (after ? 1 : 0) - (before ? 1 : 0);
                lastPair = pair;
            }
        }
        return delta;
    }

    /**
     * The change of constraint {@code c}'s excess over the windows the staged move touches (and, if {@code apply},
     * the windows' new counts recorded). Walks only the windows holding a position whose carrier flag changes.
     */
    private int excessDelta(int c, boolean apply) {
        byte[] flag = carries[c];
        int diffs = 0;
        for (int i = 0; i < changed; i++) {
            int diff = flag[changedCar[i]] - flag[seq[changedPosition[i]]];
            if (diff != 0) {
                diffPosition[diffs] = changedPosition[i];
                diffValue[diffs] = diff;
                diffs++;
            }
        }
        if (diffs == 0) {
            return 0;
        }
        int p = window[c];
        int n = allowed[c];
        int[] counts = carriersInWindow[c];
        int delta = 0;
        int first = 0;
        int next = 0;
        int windowDiff = 0;
        int start = Math.max(firstWindow[c], diffPosition[0] - p + 1);
        int last = diffPosition[diffs - 1];
        while (start <= last) {
            while (next < diffs && diffPosition[next] <= start + p - 1) {
                windowDiff += diffValue[next++];
            }
            while (diffPosition[first] < start) {
                windowDiff -= diffValue[first++];
            }
            if (first == next) {
                start = Math.max(start + 1, diffPosition[first] - p + 1);
                continue;
            }
            if (windowDiff != 0) {
                int before = counts[start];
                delta += Math.max(0, before + windowDiff - n) - Math.max(0, before - n);
                if (apply) {
                    counts[start] = before + windowDiff;
                }
            }
            start++;
        }
        return delta;
    }
}
