package com.busanev.production.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceLocalSearchTest {
    private static final Duration NO_CLOCK = Duration.ofHours(1);

    @ParameterizedTest
    @ValueSource(strings = {"022_3_4_RAF_EP_ENP", "024_38_5_EP_ENP_RAF", "064_38_2_EP_RAF_ENP_ch2"})
    void aShortRunKeepsThePaintLimitAndIsNoWorseThanTheGivenOrder(String instance) {
        SequencingProblem problem = Instances.read(instance);
        Score given = Evaluator.evaluate(problem, Instances.givenOrder(problem));

        LocalSearch.Result result = LocalSearch.run(problem, NO_CLOCK, 7, 200_000);

        assertThat(isPermutation(result.order(), problem.day().size())).isTrue();
        assertThat(result.score()).isEqualTo(Evaluator.evaluate(problem, result.order()));
        assertThat(result.score().valid()).isTrue();
        assertThat(result.score().objective()).isLessThan(given.objective());
    }

    @Test
    void theSameSeedAndMovesGiveTheSameSequence() {
        SequencingProblem problem = Instances.read("039_38_4_EP_RAF_ch1");

        int[] first = LocalSearch.run(problem, NO_CLOCK, 42, 50_000).order();
        int[] second = LocalSearch.run(problem, NO_CLOCK, 42, 50_000).order();

        assertThat(second).isEqualTo(first);
    }

    /**
     * After every kind of move the incremental cost equals a full evaluation (D-1 boundary included), and the paint
     * check refuses exactly the moves that would make a batch too long.
     */
    @Test
    void theIncrementalCostAndPaintCheckMatchTheEvaluatorAfterEveryMove() {
        SequencingProblem read = Instances.read("064_38_2_EP_RAF_ENP_ch2");
        // a tight paint limit, so that moves do break it, from the greedy start that keeps it
        SequencingProblem problem = new SequencingProblem(read.ratios(), 2, read.objectives(), read.fixed(), read.day());
        int[] start = GreedySequence.build(problem);
        assertThat(Evaluator.evaluate(problem, start).valid()).isTrue();
        Line line = new Line(problem, start);
        SplittableRandom random = new SplittableRandom(1);
        int first = line.fixed();
        int cars = line.size() - first;
        int refused = 0;
        for (int move = 0; move < 3_000; move++) {
            int from = first + random.nextInt(cars - 1);
            int to = from + 1 + random.nextInt(Math.min(40, line.size() - from - 1));
            int length = 1 + random.nextInt(Math.min(5, line.size() - to));
            boolean forward = random.nextBoolean();
            Consumer<Line> stage = switch (move % 3) {
                case 0 -> l -> l.swap(from, to);
                case 1 -> l -> l.moveBlock(forward ? from : to, length, forward ? to : from);
                default -> l -> l.reverse(from, to);
            };
            stage.accept(line);
            if (!line.paintLimitKept()) {
                Line copy = new Line(problem, line.dayOrder());
                stage.accept(copy);
                copy.apply();
                assertThat(Evaluator.evaluate(problem, copy.dayOrder()).valid()).as("move %d refused", move).isFalse();
                refused++;
                continue;
            }
            long expected = line.cost() + line.delta();
            line.apply();
            Score score = Evaluator.evaluate(problem, line.dayOrder());
            assertThat(line.cost()).as("cost after move %d", move).isEqualTo(expected).isEqualTo(score.objective());
            assertThat(score.valid()).as("paint limit after move %d", move).isTrue();
        }
        assertThat(refused).isPositive();
    }

    /** A move breaking the paint limit is never made: with a limit of 2 the colours must keep alternating. */
    @Test
    void thePaintLimitIsNeverBroken() {
        List<Vehicle> day = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // every car wants the colour of its neighbours, the ratio pushes the carriers apart
            day.add(new Vehicle("v" + i, i % 2 == 0 ? "red" : "blue", new boolean[] {i % 4 == 0}));
        }
        SequencingProblem problem = new SequencingProblem(List.of(new RatioConstraint("R", 1, 2, false)), 2,
                List.of(Objective.COLOUR_CHANGES, Objective.LOW_PRIORITY_RATIOS),
                List.of(new Vehicle("d1", "red", new boolean[] {false})), day);

        LocalSearch.Result result = LocalSearch.run(problem, NO_CLOCK, 3, 100_000);

        assertThat(result.score().valid()).isTrue();
        assertThat(result.score().colourChanges()).isLessThan(Evaluator.evaluate(problem, Instances.givenOrder(problem))
                .colourChanges());
    }

    /** A day the plant sequences before any car is slotted, or with its D-1 cars only. */
    @Test
    void anEmptyDayGivesAnEmptySequence() {
        SequencingProblem problem = new SequencingProblem(List.of(new RatioConstraint("R", 1, 2, true)), 2,
                List.of(Objective.HIGH_PRIORITY_RATIOS), List.of(new Vehicle("d1", "red", new boolean[] {true})), List.of());

        LocalSearch.Result result = LocalSearch.run(problem, NO_CLOCK, 3, 1_000);

        assertThat(result.order()).isEmpty();
        assertThat(result.score().objective()).isZero();
    }

    private static boolean isPermutation(int[] order, int size) {
        return order.length == size && java.util.Arrays.stream(order).distinct().filter(i -> i >= 0 && i < size)
                .count() == size;
    }
}
