package com.busanev.production.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scores a sequence file (day D's vehicle idents, one per line) against a ROADEF 2005 instance folder: the three
 * counts, the objective and whether the paint batch limit holds. Usage: {@code EvaluateSequence INSTANCE_DIR FILE}.
 * Exits with 1 if the sequence is invalid.
 */
public final class EvaluateSequence {
    private EvaluateSequence() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EvaluateSequence INSTANCE_DIR SEQUENCE_FILE");
            System.exit(2);
        }
        SequencingProblem problem = RoadefFormat.read(Path.of(args[0]));
        Path file = Path.of(args[1]);
        int[] order = RoadefFormat.sequence(problem, file.toString(), Files.readString(file));
        Score score = Evaluator.evaluate(problem, order);
        System.out.println(score);
        if (!score.valid()) {
            System.exit(1);
        }
    }
}
