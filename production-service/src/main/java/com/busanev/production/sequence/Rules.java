package com.busanev.production.sequence;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.ProblemMappers;
import com.busanev.kit.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sequencing rules in force (the Busan default until a planner changes them) and their versions. */
@ApplicationScoped
public class Rules {
    public record Versioned(int version, SequencingRules rules, String changedBy, Instant changedAt) {
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;

    Rules(ObjectMapper mapper, Validator validator, Clock clock) {
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Versioned> current() {
        return RulesVersion.<RulesVersion>find("order by version desc").firstResult()
                .map(row -> row == null
                        ? new Versioned(0, SequencingRules.busanDefault(), "default", null)
                        : new Versioned(row.version, read(row.definition), row.changedBy, row.changedAt));
    }

    /** Stores a new version after every rule passed; call inside a transaction. */
    public Uni<Versioned> replace(SequencingRules rules, int expectedVersion, String user) {
        validate(rules);
        return current().chain(current -> {
            if (expectedVersion != current.version()) {
                return Uni.createFrom().failure(ProblemException.conflict("The sequencing rules are at version "
                        + current.version() + ", not " + expectedVersion + ": reload them and apply your change again."));
            }
            RulesVersion row = new RulesVersion();
            row.version = current.version() + 1;
            row.definition = write(rules);
            row.changedBy = user;
            row.changedAt = clock.instant();
            return row.persist().map(ignored -> new Versioned(row.version, rules, user, row.changedAt));
        });
    }

    private void validate(SequencingRules rules) {
        if (rules == null) {
            throw ProblemException.badRequest("(body)", "sequencing rules are required");
        }
        List<Violation> violations = new ArrayList<>();
        validator.validate(rules).forEach(v -> violations.add(new Violation(ProblemMappers.fieldOf(v), v.getMessage())));
        if (violations.isEmpty()) {
            rules.inconsistencies().forEach(p -> violations.add(new Violation(p[0], p[1])));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The sequencing rules have " + violations.size() + " invalid value(s).",
                    violations);
        }
    }

    private SequencingRules read(String json) {
        try {
            return mapper.readValue(json, SequencingRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sequencing rules unreadable", e);
        }
    }

    private String write(SequencingRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
