package com.busanev.logistics;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AccessTest} against the packaged application in its prod profile: the jar, or the native executable under -Pnative. */
@QuarkusIntegrationTest
class AccessIT extends AccessTest {
}
