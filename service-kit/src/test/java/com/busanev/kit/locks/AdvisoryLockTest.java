package com.busanev.kit.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AdvisoryLockTest {

    @Test
    void everyLockHasItsOwnId() {
        assertThat(Arrays.stream(AdvisoryLock.values()).map(AdvisoryLock::id)).doesNotHaveDuplicates();
    }

    @Test
    void keyedNamespacesUseTheTwoIntKeySpaceAndFixedLocksTheBigintOne() {
        // PostgreSQL keeps pg_advisory_xact_lock(bigint) and (int, int) apart, so a hashed key cannot meet a fixed
        // id; the distinct ids above keep namespaces apart from each other.
        for (AdvisoryLock lock : AdvisoryLock.values()) {
            if (lock.keyed()) {
                assertThat(lock.xactLock("?1"))
                        .isEqualTo("SELECT pg_advisory_xact_lock(" + lock.id() + ", hashtext(?1))");
                assertThat(lock.xactLocks("?1")).startsWith("SELECT pg_advisory_xact_lock(" + lock.id() + ", h) FROM");
                assertThatThrownBy(lock::xactLock).isInstanceOf(IllegalStateException.class);
            } else {
                assertThat(lock.xactLock()).isEqualTo("SELECT pg_advisory_xact_lock(" + lock.id() + ")");
                assertThat(lock.tryXactLock()).isEqualTo("SELECT pg_try_advisory_xact_lock(" + lock.id() + ")");
                assertThatThrownBy(() -> lock.xactLock("?1")).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> lock.xactLocks("?1")).isInstanceOf(IllegalStateException.class);
            }
        }
    }

}
