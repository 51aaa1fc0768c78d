package com.busanev.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A service's JVM gets the collector its image's run-java script would give it. */
class ServiceJvmTest {
    private static final Path JAR = Path.of("service", "quarkus-run.jar");
    /** NAME=value in an ENV line of a Dockerfile (values without spaces). */
    private static final Pattern ENV_VARIABLE = Pattern.compile("([A-Z_]+)=([^\\s\"]+)");

    @Test
    void givesTheImagesRatiosAndTheScriptsDefaultsWhenTheEnvironmentSetsNothing() {
        List<String> command = ServiceJvm.command("-Xmx256m", JAR, List.of("-Dquarkus.http.port=8081"), Map.of());

        assertThat(command.get(0)).endsWith(Path.of("bin", "java").toString());
        assertThat(command.subList(1, command.size())).containsExactly("-Xmx256m", "-XX:+UseParallelGC",
                "-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=70", "-XX:GCTimeRatio=4",
                "-XX:AdaptiveSizePolicyWeight=90", "-Dquarkus.http.port=8081", "-jar", JAR.toString());
    }

    @Test
    void aVariableOfTheServicesEnvironmentWins() {
        List<String> command = ServiceJvm.command("-Xmx256m", JAR, List.of(),
                Map.of("GC_TIME_RATIO", "99", "GC_MAX_HEAP_FREE_RATIO", "40", "QUARKUS_HTTP_PORT", "8081"));

        assertThat(command).contains("-XX:GCTimeRatio=99", "-XX:MaxHeapFreeRatio=40", "-XX:MinHeapFreeRatio=40",
                "-XX:AdaptiveSizePolicyWeight=90").doesNotContain("-XX:GCTimeRatio=4", "-XX:MaxHeapFreeRatio=70");
    }

    @Test
    void runsTheJavaOfTheEnvironmentsJavaHomeElseThisJvms() {
        Path otherJdk = Path.of("opt", "jdk-25");

        assertThat(ServiceJvm.command("-Xmx256m", JAR, List.of(), Map.of("JAVA_HOME", otherJdk.toString())).get(0))
                .isEqualTo(otherJdk.resolve(Path.of("bin", "java")).toString());
        assertThat(ServiceJvm.command("-Xmx256m", JAR, List.of(), Map.of()).get(0))
                .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
                .containsPattern("uintx MaxHeapFreeRatio\\s+= 70\\s")
                .containsPattern("uintx MinHeapFreeRatio\\s+= 40\\s")
                .containsPattern("uintx AdaptiveSizePolicyWeight\\s+= 90\\s");
    }

    /** The local runs measure the image: every service's Dockerfile.jvm and the kit's Jib settings set what it sets. */
    @Test
    void everyImageSetsTheEnvironmentTheLocalRunsGiveTheServices() throws Exception {
        Path root = Path.of("..");
        List<String> services = new ArrayList<>(ChainProgress.SERVICES);
        services.add(LocalStack.CONTROL_TOWER);
        for (String service : services) {
            Map<String, String> image = new HashMap<>();
            Matcher variable = ENV_VARIABLE.matcher(String.join(" ", Files.readAllLines(
                    root.resolve(service).resolve("src/main/docker/Dockerfile.jvm")).stream()
                    .filter(line -> line.startsWith("ENV ")).toList()));
            while (variable.find()) {
                image.put(variable.group(1), variable.group(2));
            }
            assertThat(image).as(service + "'s Dockerfile.jvm").containsAllEntriesOf(ServiceJvm.IMAGE_ENVIRONMENT);
        }
        Properties kit = new Properties();
        try (var in = Files.newInputStream(root.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"))) {
            kit.load(in);
        }
        ServiceJvm.IMAGE_ENVIRONMENT.forEach((name, value) -> assertThat(kit.getProperty(
                "quarkus.jib.environment-variables.\"" + name + "\"")).as("the kit's Jib setting for " + name).isEqualTo(value));
    }
}
