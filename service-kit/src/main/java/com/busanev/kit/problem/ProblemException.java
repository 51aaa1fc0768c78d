package com.busanev.kit.problem;

import java.util.List;

/** A request the domain refuses, rendered as problem+json with this status. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
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

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, violations);
    }
}
