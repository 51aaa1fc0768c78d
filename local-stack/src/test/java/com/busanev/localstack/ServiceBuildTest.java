package com.busanev.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A build a benchmark starts on its own runs as the image would run it, with its own variables on top. */
class ServiceBuildTest {
    @Test
    void takesTheImagesEnvironmentWhereTheBuildSetsNothing() {
        ServiceBuild build = ServiceBuild.of("order-service,MALLOC_ARENA_MAX=4,ORDER_ADMISSION_MAX_LAG=0");

        assertThat(build.service()).isEqualTo(Path.of("order-service").toAbsolutePath());
        assertThat(build.ownEnvironment())
                .containsEntry("MALLOC_ARENA_MAX", "4")
                .containsEntry("ORDER_ADMISSION_MAX_LAG", "0")
                .containsEntry("GC_MIN_HEAP_FREE_RATIO", ServiceJvm.IMAGE_ENVIRONMENT.get("GC_MIN_HEAP_FREE_RATIO"))
                .containsEntry("GC_MAX_HEAP_FREE_RATIO", ServiceJvm.IMAGE_ENVIRONMENT.get("GC_MAX_HEAP_FREE_RATIO"));
        assertThat(ServiceBuild.of("order-service").ownEnvironment()).isEqualTo(ServiceJvm.IMAGE_ENVIRONMENT);
    }
}
