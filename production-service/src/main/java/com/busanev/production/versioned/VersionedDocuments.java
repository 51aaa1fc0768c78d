package com.busanev.production.versioned;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.ProblemMappers;
import com.busanev.kit.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A document planners maintain (the plant calendar, the sequencing rules): the highest stored version is in force
 * (the built-in default until someone changes it), the others are its audit trail, and a change names the version it
 * was made on (If-Match), so two planners cannot overwrite each other unseen.
 *
 * @param <T> the document
 * @param <R> the entity of its versions' table
 */
public abstract class VersionedDocuments<T extends VersionedDocument, R extends DocumentVersion> {
    private final String name;
    private final Class<T> type;
    private final Supplier<T> builtIn;
    private final Class<R> rowType;
    private final Supplier<R> newRow;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;

    /**
     * @param name what the document is called in messages ("calendar", "sequencing rules")
     * @param builtIn the document in force before any version is stored
     */
    protected VersionedDocuments(String name, Class<T> type, Supplier<T> builtIn, Class<R> rowType, Supplier<R> newRow,
            ObjectMapper mapper, Validator validator, Clock clock) {
        this.name = name;
        this.type = type;
        this.builtIn = builtIn;
        this.rowType = rowType;
        this.newRow = newRow;
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
    }

    /** The version in force; needs a session. */
    public Uni<Versioned<T>> current() {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("from " + rowType.getName() + " order by version desc", rowType)
                        .setMaxResults(1).getSingleResultOrNull())
                .map(row -> row == null ? new Versioned<>(0, builtIn.get(), "default", null) : versioned(row));
    }

    /** Every stored version, newest first; needs a session. */
    public Uni<List<Versioned<T>>> history() {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("from " + rowType.getName() + " order by version desc", rowType)
                        .getResultList())
                .map(rows -> rows.stream().map(this::versioned).toList());
    }

    /**
     * Stores the document as the next version once every field and cross-field rule passed, if {@code expectedVersion}
     * is still the one in force (409 otherwise). Runs in the caller's transaction.
     */
    public Uni<Versioned<T>> replace(T document, int expectedVersion, String user) {
        validate(document);
        return current().chain(current -> {
            if (expectedVersion != current.version()) {
                return Uni.createFrom().failure(ProblemException.conflict("Version " + current.version() + " of the "
                        + name + " is in force, not " + expectedVersion + ": read it again and apply your change to it."));
            }
            R row = newRow.get();
            row.version = current.version() + 1;
            row.definition = write(document);
            row.changedBy = user;
            row.changedAt = clock.instant();
            return row.persist().map(ignored -> new Versioned<>(row.version, document, user, row.changedAt));
        });
    }

    private void validate(T document) {
        if (document == null) {
            throw ProblemException.badRequest("(body)", "the " + name + " is required");
        }
        List<Violation> violations = new ArrayList<>();
        validator.validate(document).forEach(v -> violations.add(new Violation(ProblemMappers.fieldOf(v), v.getMessage())));
        if (violations.isEmpty()) {
            document.inconsistencies().forEach(p -> violations.add(new Violation(p[0], p[1])));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.size() + " invalid value(s) in the " + name + ".", violations);
        }
    }

    private Versioned<T> versioned(R row) {
        try {
            return new Versioned<>(row.version, mapper.readValue(row.definition, type), row.changedBy, row.changedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + name + " version " + row.version + " unreadable", e);
        }
    }

    private String write(T document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
