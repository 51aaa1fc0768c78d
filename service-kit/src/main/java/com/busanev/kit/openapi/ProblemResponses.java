package com.busanev.kit.openapi;

import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Gives every operation of a service its RFC 9457 error responses, so a resource declares only the errors that are
 * its own, each in one line saying what the status means there:
 * {@code @APIResponse(responseCode = "409", description = "The brand reference is already used")}.
 * <ul>
 * <li>a 4xx or 5xx response declared without content gets {@value Problem#MEDIA_TYPE} with the {@code Problem}
 * schema (what {@link com.busanev.kit.problem.ProblemMappers} sends);</li>
 * <li>a declared 503 gets the Retry-After header (what {@code ProblemException.unavailable} sends);</li>
 * <li>a secured operation (a security requirement, as {@code @RolesAllowed} gives) gets 401 and 403, unless it
 * declares its own;</li>
 * <li>an operation taking an {@value IdempotencyKeys#HEADER} header gets 422 (the key reused with another body);</li>
 * <li>every operation gets 500.</li>
 * </ul>
 * These shared ones are named responses in components ({@link Shared}), which operations reference. Runs when the
 * document is built, after the annotations are read and Quarkus's own filters ran.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String UNAVAILABLE = "503";
    /** What Quarkus writes for a secured operation that declares no 401 or 403; replaced by the named responses. */
    private static final Map<String, String> QUARKUS_DEFAULTS = Map.of("401", "Not Authorized", "403", "Not Allowed");

    /** The error responses every service shares: status, name in components, description. */
    public enum Shared {
        UNAUTHORIZED("401", "Unauthorized", "No bearer token, or one that is not valid (expired, issued by another realm, "
                + "a bad signature)"),
        FORBIDDEN("403", "Forbidden", "The token has none of the roles this operation's security lists"),
        IDEMPOTENCY_KEY_REUSED("422", "IdempotencyKeyReused", IdempotencyKeys.HEADER + " reused with another body"),
        SERVER_ERROR("500", "ServerError", "The request failed unexpectedly; the failure is logged");

        public final String status;
        public final String name;
        final String description;

        Shared(String status, String name, String description) {
            this.status = status;
            this.name = name;
            this.description = description;
        }

        String ref() {
            return "#/components/responses/" + name;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> complete(operation, secured(openAPI, operation), openAPI.getComponents())));
    }

    private static void complete(Operation operation, boolean secured, Components components) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status) && response.getRef() == null && !hasContent(response)) {
                response.setContent(problemContent());
            }
            if (UNAVAILABLE.equals(status) && response.getRef() == null
                    && (response.getHeaders() == null || !response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER))) {
                response.addHeader(HttpHeaders.RETRY_AFTER, OASFactory.createHeader()
                        .description("Seconds to wait before sending the same request again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
            }
        });
        if (secured) {
            use(Shared.UNAUTHORIZED, responses, components);
            use(Shared.FORBIDDEN, responses, components);
        }
        if (takesIdempotencyKey(operation)) {
            use(Shared.IDEMPOTENCY_KEY_REUSED, responses, components);
        }
        use(Shared.SERVER_ERROR, responses, components);
        // In status order, so a reader finds the success first and the errors after it, whoever added them.
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** References the shared response unless the operation declares its own (and adds it to components if new). */
    private static void use(Shared shared, APIResponses responses, Components components) {
        APIResponse declared = responses.getAPIResponse(shared.status);
        if (declared != null && (declared.getRef() != null
                || !Objects.equals(declared.getDescription(), QUARKUS_DEFAULTS.get(shared.status)))) {
            return;
        }
        if (components.getResponses() == null || !components.getResponses().containsKey(shared.name)) {
            components.addResponse(shared.name, OASFactory.createAPIResponse().description(shared.description)
                    .content(problemContent()));
        }
        responses.addAPIResponse(shared.status, OASFactory.createAPIResponse().ref(shared.ref()));
    }

    /** The operation's own requirement wins; none means the document's (an empty list means public). */
    private static boolean secured(OpenAPI openAPI, Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null && !security.isEmpty();
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && IdempotencyKeys.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && !response.getContent().getMediaTypes().isEmpty();
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
