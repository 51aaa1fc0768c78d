package com.busanev.production.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SequenceEvaluatorTest {
    private static final RatioConstraint TWO_IN_THREE = new RatioConstraint("R", 1, 3, true);

    /** Renault's checker's objective of each instance's given order (../shared/roadef/README.md). */
    @ParameterizedTest
    @CsvSource({
        "022_3_4_EP_RAF_ENP, 2070002",
        "022_3_4_RAF_EP_ENP, 11048005",
        "024_38_5_EP_ENP_RAF, 106134392",
        "039_38_4_EP_RAF_ch1, 115229000",
        "039_38_4_RAF_EP_ch1, 69392000",
        "064_38_2_EP_RAF_ENP_ch2, 28046050"})
    void theGivenOrderScoresAsRenaultsChecker(String instance, long objective) {
        SequencingProblem problem = Instances.read(instance);

        Score score = Evaluator.evaluate(problem, Instances.givenOrder(problem));

        assertThat(score.objective()).isEqualTo(objective);
        assertThat(score.valid()).isTrue();
    }

    @Test
    void windowsBeginningAmongTheFixedCarsCountAndTheLastWindowsAreShorter() {
        // line: X | X . X ; windows of 3 holding a day car: [X X .]=2 -> 1, [X . X]=2 -> 1, [. X]=1, [X]=1
        SequencingProblem problem = problem(List.of(car("d1", "red", true)),
                List.of(car("a", "red", true), car("b", "red", false), car("c", "red", true)));

        Score score = Evaluator.evaluate(problem, new int[] {0, 1, 2});

        assertThat(score.highPriorityViolations()).isEqualTo(2);
    }

    @Test
    void aColourChangeFromTheLastFixedCarCounts() {
        SequencingProblem problem = problem(List.of(car("d1", "red", false)),
                List.of(car("a", "blue", false), car("b", "blue", false), car("c", "red", false)));

        assertThat(Evaluator.evaluate(problem, new int[] {0, 1, 2}).colourChanges()).isEqualTo(2);
        assertThat(Evaluator.evaluate(problem, new int[] {2, 0, 1}).colourChanges()).isEqualTo(1);
    }

    @Test
    void aBatchLongerThanThePaintLimitMakesTheSequenceInvalidCountingDayCarsOnly() {
        SequencingProblem problem = problem(List.of(car("d1", "red", false)),
                List.of(car("a", "red", false), car("b", "red", false), car("c", "blue", false),
                        car("d", "red", false)));

        assertThat(Evaluator.evaluate(problem, new int[] {0, 1, 2, 3}).valid()).isTrue();
        Score tooLong = Evaluator.evaluate(problem, new int[] {0, 1, 3, 2});
        assertThat(tooLong.valid()).isFalse();
        assertThat(tooLong.paintBatchesOverLimit()).isEqualTo(1);
    }

    @Test
    void theObjectiveWeighsTheCountsByTheirRank() {
        SequencingProblem problem = new SequencingProblem(List.of(TWO_IN_THREE, new RatioConstraint("L", 0, 1, false)),
                2, List.of(Objective.COLOUR_CHANGES, Objective.HIGH_PRIORITY_RATIOS, Objective.LOW_PRIORITY_RATIOS),
                List.of(), List.of(new Vehicle("a", "red", new boolean[] {true, true}),
                        new Vehicle("b", "blue", new boolean[] {true, false})));

        Score score = Evaluator.evaluate(problem, new int[] {0, 1});

        // high: [a b]=2 -> 1, [b]=1 -> 0; low: [a] -> 1, [b] -> 0; one colour change
        assertThat(score).isEqualTo(new Score(1, 1, 1, 0, 1_000_000 + 1_000 + 1));
    }

    private static Vehicle car(String ident, String colour, boolean option) {
        return new Vehicle(ident, colour, new boolean[] {option});
    }

    private static SequencingProblem problem(List<Vehicle> fixed, List<Vehicle> day) {
        return new SequencingProblem(List.of(TWO_IN_THREE), 2,
                List.of(Objective.HIGH_PRIORITY_RATIOS, Objective.COLOUR_CHANGES), fixed, day);
    }
}
