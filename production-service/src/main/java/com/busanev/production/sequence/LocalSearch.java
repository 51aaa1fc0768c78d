package com.busanev.production.sequence;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Sequences a day by local search, as the ROADEF 2005 winners did: many cheap random moves, each judged only on
 * the windows and neighbours it touches ({@link Line}). For 60% of the time a move is kept if its cost is no
 * worse than the current one or than the cost 2,000 moves ago (late acceptance: the search can climb out of a
 * local optimum, mostly by giving up lower-ranked objectives for a while); then a plain descent (kept when the
 * cost does not rise, so it walks plateaus) polishes the best sequence found.
 * <p>
 * Three moves in ten start from a carrier in a violated window of the heaviest violated constraints (found by
 * sampling), the others from a random car. Moves: exchanging two cars (near, anywhere, or of the same colour
 * anywhere), moving a car near, moving a car or its colour run next to a car of its colour, and reversing a
 * stretch. A move that would break the paint batch limit is never made, so from a valid start every sequence it
 * holds is valid.
 * <p>
 * Starts from the better of the given order (if valid) and a greedy construction. Deterministic for a seed and a
 * number of moves; the time limit stops it earlier on a slower machine.
 */
public final class LocalSearch {
    /** How far (in cars) a local move reaches at least; the longest ratio window widens it. */
    private static final int MIN_REACH = 16;
    /** How far a move looks for a car of the same colour to join. */
    private static final int COLOUR_SCAN = 64;
    /** Late acceptance: a move is also kept if the cost it leads to is no worse than this many moves ago. */
    private static final int HISTORY = 2000;
    /** The share of the time (and moves) spent exploring with late acceptance; a plain descent polishes the rest. */
    private static final double EXPLORE_SHARE = 0.6;
    /** Percent of the moves that start from a carrier in a violated window. */
    private static final int REPAIR = 30;
    /** The clock is read once per this many moves. */
    private static final int CLOCK_EVERY = 1024;

    /** The day's order (indexes into {@code problem.day()}), its score, and the moves tried and kept. */
    public record Result(int[] order, Score score, long moves, long accepted) {
    }

    private LocalSearch() {
    }

    public static Result run(SequencingProblem problem, Duration limit, long seed) {
        return run(problem, limit, seed, Long.MAX_VALUE);
    }

    /** Runs until {@code limit} has passed or {@code maxMoves} moves have been tried. */
    public static Result run(SequencingProblem problem, Duration limit, long seed, long maxMoves) {
        long started = System.nanoTime();
        int[] start = startingOrder(problem);
        if (problem.day().size() < 2) {
            return new Result(start, Evaluator.evaluate(problem, start), 0, 0);
        }
        int longestWindow = problem.ratios().stream().mapToInt(RatioConstraint::p).max().orElse(1);
        SplittableRandom random = new SplittableRandom(seed);
        long explore = (long) (limit.toNanos() * EXPLORE_SHARE);
        long exploreMoves = (long) (maxMoves * EXPLORE_SHARE);
        Phase first = new Phase(new Line(problem, start), random, longestWindow, HISTORY);
        first.run(started + explore, exploreMoves);
        Phase second = new Phase(new Line(problem, first.best()), random, longestWindow, 1);
        second.run(started + limit.toNanos(), maxMoves - first.tried);
        int[] order = second.best();
        return new Result(order, Evaluator.evaluate(problem, order), first.tried + second.tried,
                first.accepted + second.accepted);
    }

    /**
     * One search phase: late acceptance over {@code history} moves (a move is kept if its cost is no worse than
     * the current one or than the cost {@code history} moves ago; 1 makes it a plain descent), remembering the
     * best sequence it held.
     */
    private static final class Phase {
        private final Line line;
        private final Moves moves;
        private final long[] history;
        private int[] best;
        private long bestCost;
        long tried;
        long accepted;

        Phase(Line line, SplittableRandom random, int longestWindow, int history) {
            this.line = line;
            this.moves = new Moves(line, random, Math.max(MIN_REACH, longestWindow));
            this.history = new long[history];
            java.util.Arrays.fill(this.history, line.cost());
            this.best = line.dayOrder();
            this.bestCost = line.cost();
        }

        void run(long deadline, long maxMoves) {
            // A sequence without a violation or a colour change cannot be bettered: stop at once.
            while (bestCost > 0 && tried < maxMoves && (tried % CLOCK_EVERY != 0 || System.nanoTime() < deadline)) {
                tried++;
                if (!moves.stage() || !line.paintLimitKept()) {
                    continue;
                }
                int slot = (int) (tried % history.length);
                long delta = line.delta();
                if (delta <= 0 || line.cost() + delta <= history[slot]) {
                    if (delta > 0 && line.cost() < bestCost) {
                        // leaving a best sequence: keep it
                        best = line.dayOrder();
                        bestCost = line.cost();
                    }
                    line.apply();
                    accepted++;
                }
                if (line.cost() < history[slot]) {
                    history[slot] = line.cost();
                }
            }
        }

        int[] best() {
            return line.cost() < bestCost ? line.dayOrder() : best;
        }
    }

    /** The given order if it keeps the paint limit and is no worse than the greedy one, else the greedy one. */
    static int[] startingOrder(SequencingProblem problem) {
        int[] given = java.util.stream.IntStream.range(0, problem.day().size()).toArray();
        Score givenScore = Evaluator.evaluate(problem, given);
        int[] greedy = GreedySequence.build(problem);
        Score greedyScore = Evaluator.evaluate(problem, greedy);
        if (givenScore.valid() && (!greedyScore.valid() || givenScore.objective() <= greedyScore.objective())) {
            return given;
        }
        if (!greedyScore.valid()) {
            throw new IllegalArgumentException("no sequence within the paint batch limit of "
                    + problem.paintBatchLimit() + " found for this day's colours");
        }
        return greedy;
    }

    /** Picks and stages the next random move on the line. */
    private static final class Moves {
        private final Line line;
        private final SplittableRandom random;
        private final int reach;
        private final int first;
        private final int cars;

        Moves(Line line, SplittableRandom random, int reach) {
            this.line = line;
            this.random = random;
            this.reach = reach;
            this.first = line.fixed();
            this.cars = line.size() - line.fixed();
        }

        /** Stages a move; false when the drawn move would change nothing. */
        boolean stage() {
            int kind = random.nextInt(100);
            if (kind < REPAIR) {
                // repair: move a carrier out of a violated window
                int a = line.troubledPosition(random);
                if (a >= 0) {
                    return switch (kind % 3) {
                        case 0 -> swap(a, first + random.nextInt(cars));
                        case 1 -> swap(a, near(a));
                        default -> moveBlock(a, 1, near(a));
                    };
                }
            }
            int a = first + random.nextInt(cars);
            kind = random.nextInt(100);
            if (kind < 15) {
                return swap(a, first + random.nextInt(cars));
            }
            if (kind < 35) {
                return swap(a, near(a));
            }
            if (kind < 50) {
                return swapSameColour(a);
            }
            if (kind < 65) {
                return moveBlock(a, 1, near(a));
            }
            if (kind < 80) {
                return joinColour(a);
            }
            if (kind < 90) {
                return moveRun(a);
            }
            int b = near(a);
            if (a == b) {
                return false;
            }
            line.reverse(Math.min(a, b), Math.max(a, b));
            return true;
        }

        private int near(int a) {
            int b = a + random.nextInt(2 * reach + 1) - reach;
            return Math.max(first, Math.min(line.size() - 1, b));
        }

        private boolean swap(int a, int b) {
            if (a == b || line.sameClass(a, b)) {
                return false;
            }
            line.swap(Math.min(a, b), Math.max(a, b));
            return true;
        }

        private boolean moveBlock(int from, int length, int to) {
            to = Math.max(first, Math.min(line.size() - length, to));
            if (to == from) {
                return false;
            }
            line.moveBlock(from, length, to);
            return true;
        }

        /** Exchanges the car at {@code a} with a car of its colour anywhere: neutral for the colour changes. */
        private boolean swapSameColour(int a) {
            int b = sameColourFrom(line.colourAt(a), first + random.nextInt(cars), a, a);
            return b >= 0 && swap(a, b);
        }

        /** Moves the car at {@code a} next to a car of its colour found near it. */
        private boolean joinColour(int a) {
            int target = sameColourFrom(line.colourAt(a), near(a), a, a);
            if (target < 0) {
                return false;
            }
            return moveBlock(a, 1, target < a ? target + 1 : target);
        }

        /** Moves the run of one colour through {@code a} next to another car of that colour. */
        private boolean moveRun(int a) {
            int col = line.colourAt(a);
            int from = a;
            while (from - 1 >= first && line.colourAt(from - 1) == col) {
                from--;
            }
            int to = a;
            while (to + 1 < line.size() && line.colourAt(to + 1) == col) {
                to++;
            }
            int target = sameColourFrom(col, near(a), from, to);
            if (target < 0) {
                return false;
            }
            int length = to - from + 1;
            return moveBlock(from, length, target < from ? target + 1 : target - length + 1);
        }

        /** A position from {@code start} on (wrapping) holding {@code col}, outside {@code from..to}; -1 if none near. */
        private int sameColourFrom(int col, int start, int from, int to) {
            for (int i = 0; i < COLOUR_SCAN; i++) {
                int k = first + (start - first + i) % cars;
                if ((k < from || k > to) && line.colourAt(k) == col) {
                    return k;
                }
            }
            return -1;
        }
    }
}
