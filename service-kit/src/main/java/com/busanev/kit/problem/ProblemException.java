package com.busanev.kit.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A request the domain refuses, rendered as problem+json with this status. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Violation> violations;
    private final Duration retryAfter;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        this(status, title, detail, violations, null);
    }

    private ProblemException(int status, String title, String detail, List<Violation> violations, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public static ProblemException badRequest(String detail, List<Violation> violations) {
        return new ProblemException(400, "Bad Request", detail, violations);
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest("The request is not valid.", List.of(new Violation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail, List.of());
    }

    /** A 503 whose Retry-After header tells the client when to try again. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, "Service Unavailable", detail, List.of(), retryAfter);
    }

    public int status() {
        return status;
    }

    /** When the client may try again, if the refusal is temporary. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, violations);
    }
}
