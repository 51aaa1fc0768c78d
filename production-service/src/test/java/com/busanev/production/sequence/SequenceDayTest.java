package com.busanev.production.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark command end to end: its output file, read back as an evaluator would, is valid and no worse. */
class SequenceDayTest {
    @Test
    void writesAValidSequenceOfTheDayNoWorseThanTheGivenOrder(@TempDir Path dir) throws Exception {
        Path instance = Instances.folder("039_38_4_EP_RAF_ch1");
        Path out = dir.resolve("sequence.txt");

        SequenceDay.main(new String[] {instance.toString(), "1", out.toString()});

        SequencingProblem problem = RoadefFormat.read(instance);
        int[] order = RoadefFormat.sequence(problem, out.toString(), Files.readString(out));
        Score score = Evaluator.evaluate(problem, order);
        assertThat(score.valid()).isTrue();
        assertThat(score.objective()).isLessThanOrEqualTo(Evaluator.evaluate(problem, Instances.givenOrder(problem))
                .objective());
    }
}
