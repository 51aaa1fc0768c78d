package com.busanev.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, with the field violations of a bad request. Named in every service's OpenAPI, where
 * the kit's {@link com.busanev.kit.openapi.ProblemResponses} gives each error response this schema.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; violations name each invalid field of a bad request")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }
}
