package com.busanev.production;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RequestValidationTest} against the packaged application in its prod profile: the jar, or the native executable under -Pnative. */
@QuarkusIntegrationTest
class RequestValidationIT extends RequestValidationTest {
}
