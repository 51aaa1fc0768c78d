package com.busanev.production.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark command: sequences day D of a ROADEF 2005 instance folder within a number of seconds (one thread)
 * and writes the day's vehicle idents one per line in sequence order; prints the counts and objective of the
 * given order and of the result. Usage: {@code SequenceDay INSTANCE_DIR SECONDS OUT_FILE [SEED]}.
 */
public final class SequenceDay {
    private static final long DEFAULT_SEED = 2005;

    private SequenceDay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: SequenceDay INSTANCE_DIR SECONDS OUT_FILE [SEED]");
            System.exit(2);
        }
        long started = System.nanoTime();
        SequencingProblem problem = RoadefFormat.read(Path.of(args[0]));
        Duration limit = Duration.ofMillis(Math.round(Double.parseDouble(args[1]) * 1000));
        long seed = args.length == 4 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        // the time limit covers reading and writing too
        Duration left = limit.minusNanos(System.nanoTime() - started).minusMillis(50);
        LocalSearch.Result result = LocalSearch.run(problem, left.isNegative() ? Duration.ZERO : left, seed);
        List<String> idents = new ArrayList<>();
        for (int car : result.order()) {
            idents.add(problem.day().get(car).ident());
        }
        Files.write(Path.of(args[2]), idents);
        double seconds = (System.nanoTime() - started) / 1e9;
        int[] given = java.util.stream.IntStream.range(0, problem.day().size()).toArray();
        System.out.println("instance " + Path.of(args[0]).getFileName() + ": " + problem.fixed().size()
                + " cars of D-1, " + problem.day().size() + " of day D");
        System.out.println("given order: " + Evaluator.evaluate(problem, given));
        System.out.println("sequenced:   " + result.score());
        System.out.printf("%,d moves tried, %,d kept, %.1f s (%,.0f moves/s), seed %d; written to %s%n",
                result.moves(), result.accepted(), seconds, result.moves() / seconds, seed, args[2]);
    }
}
