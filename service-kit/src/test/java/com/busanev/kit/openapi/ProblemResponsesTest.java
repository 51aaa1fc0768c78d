package com.busanev.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createOpenAPI;
import static org.eclipse.microprofile.openapi.OASFactory.createOperation;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;
import static org.eclipse.microprofile.openapi.OASFactory.createPaths;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;

import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.openapi.ProblemResponses.Shared;
import com.busanev.kit.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void anErrorDeclaredWithADescriptionOnlyGetsTheProblemBody() {
        Operation operation = operation().responses(createAPIResponses()
                .addAPIResponse("200", createAPIResponse().description("The order"))
                .addAPIResponse("409", createAPIResponse().description("The brand reference is already used")));

        filter(operation);

        APIResponse conflict = operation.getResponses().getAPIResponse("409");
        assertThat(conflict.getDescription()).isEqualTo("The brand reference is already used");
        assertThat(conflict.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                .isEqualTo(ProblemResponses.PROBLEM_SCHEMA);
        assertThat(operation.getResponses().getAPIResponse("200").getContent()).isNull();
    }

    @Test
    void aSecuredOperationGetsTheShared401And403UnlessItDeclaresItsOwn() {
        Operation operation = operation()
                .addSecurityRequirement(createSecurityRequirement().addScheme("SecurityScheme", "viewer"))
                .responses(createAPIResponses()
                        // as Quarkus writes it for @RolesAllowed
                        .addAPIResponse("401", createAPIResponse().description("Not Authorized"))
                        .addAPIResponse("403", createAPIResponse().description("A brand user without a brand")));

        OpenAPI openApi = filter(operation);

        assertThat(operation.getResponses().getAPIResponse("401").getRef()).isEqualTo(Shared.UNAUTHORIZED.ref());
        assertThat(operation.getResponses().getAPIResponse("403").getDescription()).isEqualTo("A brand user without a brand");
        assertThat(openApi.getComponents().getResponses()).containsOnlyKeys(Shared.UNAUTHORIZED.name, Shared.SERVER_ERROR.name);
        assertThat(openApi.getComponents().getResponses().get(Shared.UNAUTHORIZED.name).getContent()
                .getMediaType(Problem.MEDIA_TYPE).getSchema().getRef()).isEqualTo(ProblemResponses.PROBLEM_SCHEMA);
    }

    @Test
    void anOperationTakingAnIdempotencyKeyGets422AndEveryOperationGets500InStatusOrder() {
        Operation operation = operation()
                .addParameter(createParameter().name(IdempotencyKeys.HEADER).in(Parameter.In.HEADER))
                .responses(createAPIResponses().addAPIResponse("201", createAPIResponse().description("Placed")));

        filter(operation);

        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        assertThat(responses).containsOnlyKeys("201", "422", "500");
        assertThat(responses.keySet()).containsExactly("201", "422", "500");
        assertThat(responses.get("422").getRef()).isEqualTo(Shared.IDEMPOTENCY_KEY_REUSED.ref());
        assertThat(responses.get("500").getRef()).isEqualTo(Shared.SERVER_ERROR.ref());
    }

    @Test
    void aDeclared503GetsTheRetryAfterHeaderAndTheProblemBody() {
        Operation operation = operation().responses(createAPIResponses()
                .addAPIResponse("201", createAPIResponse().description("Placed"))
                .addAPIResponse("503", createAPIResponse().description("Intake is paused")));

        filter(operation);

        APIResponse paused = operation.getResponses().getAPIResponse("503");
        assertThat(paused.getHeaders()).containsOnlyKeys("Retry-After");
        assertThat(paused.getHeaders().get("Retry-After").getSchema().getType()).containsExactly(Schema.SchemaType.INTEGER);
        assertThat(paused.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                .isEqualTo(ProblemResponses.PROBLEM_SCHEMA);
        assertThat(operation.getResponses().getAPIResponse("201").getHeaders()).isNull();
    }

    private static Operation operation() {
        return createOperation().operationId("placeOrder");
    }

    private static OpenAPI filter(Operation operation) {
        OpenAPI openApi = createOpenAPI().paths(createPaths().addPathItem("/api/v1/orders", createPathItem().POST(operation)));
        new ProblemResponses().filterOpenAPI(openApi);
        return openApi;
    }
}
