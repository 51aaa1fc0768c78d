package com.busanev.production.sequence;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.ProblemMappers;
import com.busanev.kit.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The plant's own cars per production day: replaced as a whole, refused as a whole. */
@ApplicationScoped
public class PlantVehicles {
    private static final TypeReference<List<PlantVehicle>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Rules rules;
    private final Clock clock;

    PlantVehicles(ObjectMapper mapper, Validator validator, Rules rules, Clock clock) {
        this.mapper = mapper;
        this.validator = validator;
        this.rules = rules;
        this.clock = clock;
    }

    public Uni<List<PlantVehicle>> of(LocalDate day) {
        return PlantDay.<PlantDay>findById(day).map(row -> row == null ? List.of() : read(row.vehicles));
    }

    /**
     * Replaces the day's plant vehicles after every one passed (an option code must be one the rules name); a day
     * whose sequence is frozen takes no change. Call inside a transaction.
     */
    public Uni<List<PlantVehicle>> replace(LocalDate day, List<PlantVehicle> vehicles, String user) {
        return LineSequence.<LineSequence>findById(day).chain(sequence -> {
            if (sequence != null && sequence.frozenAt != null) {
                return Uni.createFrom().failure(ProblemException.conflict("The sequence of " + day
                        + " is frozen: its plant vehicles can no longer change."));
            }
            return rules.current();
        }).chain(current -> {
            validate(vehicles, current.document().plantOptions());
            return PlantDay.<PlantDay>findById(day).chain(row -> {
                PlantDay target = row != null ? row : new PlantDay();
                target.day = day;
                target.vehicles = write(vehicles);
                target.receivedBy = user;
                target.receivedAt = clock.instant();
                return target.<PlantDay>persist();
            });
        }).replaceWith(vehicles);
    }

    /** The plant option codes the rules in force name: the option columns a vehicles file may have. */
    public Uni<Set<String>> knownOptions() {
        return rules.current().map(current -> current.document().plantOptions());
    }

    private void validate(List<PlantVehicle> vehicles, Set<String> knownOptions) {
        if (vehicles == null) {
            throw ProblemException.badRequest("(body)", "a list of plant vehicles is required");
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> idents = new HashSet<>();
        for (int i = 0; i < vehicles.size(); i++) {
            PlantVehicle vehicle = vehicles.get(i);
            String at = "[" + i + "]";
            if (vehicle == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            validator.validate(vehicle).forEach(v -> violations.add(new Violation(at + "." + ProblemMappers.fieldOf(v), v.getMessage())));
            if (vehicle.ident() != null && !idents.add(vehicle.ident())) {
                violations.add(new Violation(at + ".ident", "repeated: " + vehicle.ident()));
            }
            for (int o = 0; o < vehicle.options().size(); o++) {
                if (vehicle.options().get(o) != null && !knownOptions.contains(vehicle.options().get(o))) {
                    violations.add(new Violation(at + ".options[" + o + "]", "not an option code of the sequencing rules "
                            + knownOptions));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The plant vehicles have " + violations.size() + " invalid value(s).",
                    violations);
        }
    }

    private List<PlantVehicle> read(String json) {
        try {
            return mapper.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plant vehicles unreadable", e);
        }
    }

    private String write(List<PlantVehicle> vehicles) {
        try {
            return mapper.writeValueAsString(vehicles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
