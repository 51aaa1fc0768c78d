package com.busanev.order;

import com.busanev.testing.OpenApiLint;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service's OpenAPI document as partners fetch it from /q/openapi, checked by Redocly CLI and the kit's rules. */
@QuarkusTest
class OpenApiContractTest {
    @Test
    void passesRedoclyLint() {
        OpenApiLint.assertPasses();
    }

    @Test
    void everyErrorResponseIsAProblem() {
        OpenApiLint.assertErrorResponsesAreProblems();
    }
}
