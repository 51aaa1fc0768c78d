package com.busanev.supplier;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuthorizationMatrixTest} against the packaged application in its prod profile: the jar, or the native executable under -Pnative. */
@QuarkusIntegrationTest
class AuthorizationMatrixIT extends AuthorizationMatrixTest {
}
