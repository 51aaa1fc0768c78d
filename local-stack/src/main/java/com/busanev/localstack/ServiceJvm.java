package com.busanev.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a service's JVM is started here: as its image starts it in Kubernetes. The base image of Dockerfile.jvm runs
 * java through its run-java script, which chooses the parallel collector and sets its sizing ratios from variables of
 * the container's environment (it gives memory back after a burst). Left to itself on a machine with 2 cores and
 * 24 GiB the JVM picks G1, whose own structures held 47 MiB of a service's resident memory (docs/benchmarks, memory):
 * the local runs measured a JVM that Kubernetes does not run.
 */
final class ServiceJvm {
    /**
     * What the image puts in the service's environment (each Dockerfile.jvm's {@code ENV} lines and the kit's Jib
     * settings; ServiceJvmTest checks they agree). The heap free ratios are the JVM's own defaults, not run-java's
     * 10 and 20: those kept the old generation a few MiB above the live objects, so the services collected in full
     * every second or two and spent up to two thirds of the year's flow paused (docs/benchmarks, "the heap's free
     * ratios").
     */
    static final Map<String, String> IMAGE_ENVIRONMENT = Map.of(
            "MALLOC_ARENA_MAX", "2",
            "GC_MIN_HEAP_FREE_RATIO", "40",
            "GC_MAX_HEAP_FREE_RATIO", "70");

    /**
     * run-java's collector variables, each with its flag and the script's own default. The value a service gets is
     * its environment's, else the image's, else the script's: a variable in the service's environment wins, as it
     * would in the container, so a benchmark can try another setting (e.g. {@code GC_TIME_RATIO=99}) as an image
     * would get it.
     */
    private static final List<Flag> COLLECTOR = List.of(
            new Flag("GC_MIN_HEAP_FREE_RATIO", "-XX:MinHeapFreeRatio=", "10"),
            new Flag("GC_MAX_HEAP_FREE_RATIO", "-XX:MaxHeapFreeRatio=", "20"),
            new Flag("GC_TIME_RATIO", "-XX:GCTimeRatio=", "4"),
            new Flag("GC_ADAPTIVE_SIZE_POLICY_WEIGHT", "-XX:AdaptiveSizePolicyWeight=", "90"));

    private record Flag(String variable, String option, String scriptDefault) {
        String value(Map<String, String> environment) {
            return environment.getOrDefault(variable, IMAGE_ENVIRONMENT.getOrDefault(variable, scriptDefault));
        }
    }

    private ServiceJvm() {
    }

    /** A service's process environment: its own variables, then what the image sets wherever they set nothing. */
    static Map<String, String> environment(Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(own);
        IMAGE_ENVIRONMENT.forEach(environment::putIfAbsent);
        return environment;
    }

    /**
     * {@code java}, the heap ({@code -Xmx256m}), the collector as the image sets it for this environment, the system
     * properties, {@code -jar jar}. The {@code java} is that of the environment's {@code JAVA_HOME}, as run-java
     * chooses it in the image, else this JVM's own: a benchmark can run the services on another JDK.
     */
    static List<String> command(String heap, Path jar, List<String> properties, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        String javaHome = environment.getOrDefault("JAVA_HOME", System.getProperty("java.home"));
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.add(heap);
        command.add("-XX:+UseParallelGC");
        COLLECTOR.forEach(flag -> command.add(flag.option() + flag.value(environment)));
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
