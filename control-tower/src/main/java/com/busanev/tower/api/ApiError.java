package com.busanev.tower.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a failed call to a service tells the person: the API's problem details (bad input by field, a conflict, a
 * refusal, a pause), or that the service cannot be reached. {@code status} 0 means no answer at all;
 * {@code retryAfter} is the service's Retry-After in seconds, or null.
 */
public record ApiError(String service, int status, String title, String detail, Map<String, String> fields,
        Integer retryAfter) {

    /** The service is down, unreachable or failed: not the person's input. */
    public boolean unavailable() {
        return status == 0 || status >= 500;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean conflict() {
        return status == 409 || status == 412;
    }

    /** The message for one form field, or null; {@code optionPacks[1]} counts for {@code optionPacks}. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Violations no form field shows, e.g. of the body as a whole. */
    public Map<String, String> otherFields(java.util.Collection<String> shown) {
        Map<String, String> other = new LinkedHashMap<>(fields);
        other.keySet().removeAll(shown);
        return other;
    }

    public String summary() {
        if (status == 0) {
            return service + " cannot be reached: " + detail;
        }
        if (status == 503 && detail != null && !detail.isBlank()) {
            // a pause the service explains (e.g. order intake while the chain catches up): its words, and when
            return service + " is pausing (503): " + detail
                    + (retryAfter == null ? "" : " Try again in " + retryAfter + " s.");
        }
        if (status >= 500) {
            return service + " failed (" + status + "): try again in a moment";
        }
        return detail == null || detail.isBlank() ? title : detail;
    }

    public static ApiError of(String service, Throwable failure) {
        if (failure instanceof WebApplicationException http) {
            int status = http.getResponse().getStatus();
            Integer retryAfter = retryAfter(http);
            Problem problem = readProblem(http);
            if (problem == null) {
                return new ApiError(service, status, http.getResponse().getStatusInfo().getReasonPhrase(), null, Map.of(),
                        retryAfter);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            if (problem.violations() != null) {
                problem.violations().forEach(v -> fields.merge(fieldName(v.field()), v.message(), (a, b) -> a + "; " + b));
            }
            return new ApiError(service, status, problem.title(), problem.detail(), fields, retryAfter);
        }
        if (failure instanceof ProcessingException) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return new ApiError(service, 0, "Unreachable", String.valueOf(cause.getMessage()), Map.of(), null);
        }
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** Retry-After in seconds; the HTTP-date form, which these services do not send, counts as absent. */
    private static Integer retryAfter(WebApplicationException http) {
        String value = http.getResponse().getHeaderString(HttpHeaders.RETRY_AFTER);
        return value != null && value.strip().matches("\\d{1,9}") ? Integer.valueOf(value.strip()) : null;
    }

    private static Problem readProblem(WebApplicationException http) {
        try {
            return http.getResponse().readEntity(Problem.class);
        } catch (RuntimeException notAProblem) {
            return null; // e.g. a proxy's HTML error page: the status says enough
        }
    }

    private static String fieldName(String path) {
        int end = path.length();
        for (char stop : new char[] {'[', '.'}) {
            int at = path.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }
}
