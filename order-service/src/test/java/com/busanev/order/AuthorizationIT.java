package com.busanev.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuthorizationTest} against the packaged application in its prod profile: the jar, or the native executable under -Pnative. */
@QuarkusIntegrationTest
class AuthorizationIT extends AuthorizationTest {
}
