package com.busanev.kit.problem;

import com.busanev.kit.web.QueryParamConverters;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json; bad input is a 4xx with its violations, never a 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        Response.ResponseBuilder response = problemResponse(e.toProblem());
        // RFC 9110: whole seconds; a fraction rounds up so the client never comes back early.
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, (wait.toMillis() + 999) / 1000)));
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .collect(Collectors.toList());
        return respond(new Problem("about:blank", "Bad Request", 400,
                "The request has " + violations.size() + " invalid value(s).", null, violations));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e) {
        return respond(Problem.of(400, "Bad Request", "The body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return badValue(e, "is not a known field");
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return badValue(e, "cannot be read from " + e.getValue());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badValue(e, "has the wrong type or shape");
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof InvalidFormatException format) {
            return wrongType(format);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatched(mismatched);
        }
        return badValue(e, e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "The token's roles do not allow this request."));
    }

    @ServerExceptionMapper
    public Response badParameter(QueryParamConverters.BadParameterException e) {
        return respond(new Problem("about:blank", "Bad Request", 400, e.getMessage(), null, List.of(e.violation())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("request failed", e);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping);
        }
        String detail = e.getCause() instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : e.getMessage();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    /** A unique key hit by a concurrent request that passed the same check a moment earlier. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e) {
        return respond(Problem.of(409, "Conflict", "The request conflicts with data written concurrently; retry it."));
    }

    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response stale(Exception e) {
        return respond(Problem.of(409, "Conflict", "The resource changed while the request ran; retry it."));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "The request failed; it has been logged."));
    }

    private static Response badValue(JsonMappingException e, String message) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return respond(new Problem("about:blank", "Bad Request", 400, "The body cannot be read.", null,
                List.of(new Violation(field.isEmpty() ? "(body)" : field, message))));
    }

    /** Drops the method and parameter nodes, so a partner sees {@code items[2].market}, not {@code create.arg0...}. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && !parts.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null && !node.getName().isEmpty()) {
                parts.add(node.getName());
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "(body)" : parameter;
        }
        return String.join(".", parts);
    }

    /** RFC 6750: a 401 names the scheme the client must use. */
    private static Response unauthenticated() {
        Problem problem = Problem.of(401, "Unauthorized", "A valid bearer token is required.");
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem)
                .build();
    }

    private static Response respond(Problem problem) {
        return problemResponse(problem).build();
    }

    private static Response.ResponseBuilder problemResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
