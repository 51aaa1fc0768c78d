package com.busanev.production.sequence;

import com.busanev.production.versioned.VersionedDocument;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the plant planner decides about the line's sequence: the ratio constraints (which cars load a station),
 * the paint shop's maximum batch of one colour, and the objective order (rank 1 first).
 */
@RegisterForReflection
public record SequencingRules(@NotNull List<@NotNull @Valid Ratio> ratios, @Min(1) int paintBatchLimit,
        @NotNull List<@NotNull Objective> objectives) implements VersionedDocument {

    public enum Priority {
        HIGH, LOW
    }

    /** At most {@code n} carriers in any {@code p} consecutive cars. */
    public record Ratio(@NotBlank String name, @Min(0) int n, @Min(1) int p, @NotNull Priority priority,
            @NotNull @Valid Carriers carriers) {
    }

    /**
     * The cars that carry the option: a Polestar build of one of {@code variants}, with one of {@code optionPacks}
     * or painted one of {@code colours}; a plant vehicle painted one of {@code colours} or with one of
     * {@code plantOptions} (the plant's own option codes).
     */
    public record Carriers(List<@NotBlank String> variants, List<@NotBlank String> optionPacks,
            List<@NotBlank String> colours, List<@NotBlank String> plantOptions) {
        public Carriers {
            variants = variants == null ? List.of() : List.copyOf(variants);
            optionPacks = optionPacks == null ? List.of() : List.copyOf(optionPacks);
            colours = colours == null ? List.of() : List.copyOf(colours);
            plantOptions = plantOptions == null ? List.of() : List.copyOf(plantOptions);
        }

        boolean carriedBy(SequencedCar car) {
            return colours.contains(car.colour()) || (car.orderId() != null
                    ? variants.contains(car.variant()) || car.options().stream().anyMatch(optionPacks::contains)
                    : car.options().stream().anyMatch(plantOptions::contains));
        }

        boolean isEmpty() {
            return variants.isEmpty() && optionPacks.isEmpty() && colours.isEmpty() && plantOptions.isEmpty();
        }
    }

    /** Until a planner sets them: the battery marriage takes every other car at most, paint batches of 50. */
    public static SequencingRules busanDefault() {
        return new SequencingRules(List.of(new Ratio("battery-marriage", 1, 2, Priority.HIGH,
                new Carriers(List.of("LONG_RANGE_SINGLE_MOTOR", "LONG_RANGE_DUAL_MOTOR"), null, null, List.of("EV")))),
                50, List.of(Objective.HIGH_PRIORITY_RATIOS, Objective.COLOUR_CHANGES, Objective.LOW_PRIORITY_RATIOS));
    }

    /** The plant option codes some rule names: a plant vehicle may carry only these. */
    public Set<String> plantOptions() {
        Set<String> codes = new HashSet<>();
        ratios.forEach(r -> codes.addAll(r.carriers().plantOptions()));
        return codes;
    }

    /** Rules bean validation cannot say: {field, message} pairs. */
    @Override
    public List<String[]> inconsistencies() {
        List<String[]> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ratios.size(); i++) {
            Ratio ratio = ratios.get(i);
            if (ratio == null) {
                problems.add(new String[] {"ratios[" + i + "]", "must not be null"});
                continue;
            }
            if (ratio.n() > ratio.p()) {
                problems.add(new String[] {"ratios[" + i + "].n", "must not exceed p (" + ratio.p() + ")"});
            }
            if (ratio.name() != null && !names.add(ratio.name())) {
                problems.add(new String[] {"ratios[" + i + "].name", "repeated: " + ratio.name()});
            }
            if (ratio.carriers() != null && ratio.carriers().isEmpty()) {
                problems.add(new String[] {"ratios[" + i + "].carriers",
                        "name the cars that carry it: variants, optionPacks, colours or plantOptions"});
            }
        }
        if (objectives.stream().distinct().count() != objectives.size() || objectives.size() > Objective.values().length) {
            problems.add(new String[] {"objectives", "each objective at most once"});
        }
        return problems;
    }

    List<RatioConstraint> constraints() {
        return ratios.stream().map(r -> new RatioConstraint(r.name(), r.n(), r.p(), r.priority() == Priority.HIGH)).toList();
    }
}
