package com.busanev.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service's JVM gets the collector its image's run-java script would give it. */
class ServiceJvmTest {
    private static final Path JAR = Path.of("service", "quarkus-run.jar");

    @Test
    void givesTheScriptsDefaultsWhenTheEnvironmentSetsNothing() {
        List<String> command = ServiceJvm.command("-Xmx256m", JAR, List.of("-Dquarkus.http.port=8081"), Map.of());

        assertThat(command.get(0)).endsWith(Path.of("bin", "java").toString());
        assertThat(command.subList(1, command.size())).containsExactly("-Xmx256m", "-XX:+UseParallelGC",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4",
                "-XX:AdaptiveSizePolicyWeight=90", "-Dquarkus.http.port=8081", "-jar", JAR.toString());
    }

    @Test
    void aVariableOfTheServicesEnvironmentWins() {
        List<String> command = ServiceJvm.command("-Xmx256m", JAR, List.of(),
                Map.of("GC_TIME_RATIO", "99", "GC_MAX_HEAP_FREE_RATIO", "40", "QUARKUS_HTTP_PORT", "8081"));

        assertThat(command).contains("-XX:GCTimeRatio=99", "-XX:MaxHeapFreeRatio=40", "-XX:MinHeapFreeRatio=10",
                "-XX:AdaptiveSizePolicyWeight=90").doesNotContain("-XX:GCTimeRatio=4", "-XX:MaxHeapFreeRatio=20");
    }

    /** A misspelt flag would stop every service at start: this JDK must take them all and apply their values. */
    @Test
    void thisJdkTakesTheFlagsAndAppliesThem() throws Exception {
        List<String> command = new ArrayList<>(ServiceJvm.command("-Xmx64m", JAR, List.of(), Map.of("GC_TIME_RATIO", "19")));
        command.subList(command.size() - 2, command.size()).clear();
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("java -version finished").isTrue();

        assertThat(java.exitValue()).as(flags).isZero();
        assertThat(flags).containsPattern("bool UseParallelGC\\s+= true")
                .containsPattern("uintx GCTimeRatio\\s+= 19\\s")
                .containsPattern("uintx MaxHeapFreeRatio\\s+= 20\\s")
                .containsPattern("uintx MinHeapFreeRatio\\s+= 10\\s")
                .containsPattern("uintx AdaptiveSizePolicyWeight\\s+= 90\\s");
    }
}
