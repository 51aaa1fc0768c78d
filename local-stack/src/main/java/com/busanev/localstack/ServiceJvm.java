package com.busanev.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a service's JVM is started here: as its image starts it in Kubernetes. The base image of Dockerfile.jvm runs
 * java through its run-java script, whose defaults choose the parallel collector with these sizing ratios (it gives
 * memory back after a burst). Left to itself on a machine with 2 cores and 24 GiB the JVM picks G1, whose own
 * structures held 47 MiB of a service's resident memory (docs/benchmarks, memory): the local runs measured a JVM that
 * Kubernetes does not run.
 */
final class ServiceJvm {
    private static final List<String> COLLECTOR = List.of("-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4", "-XX:AdaptiveSizePolicyWeight=90");

    private ServiceJvm() {
    }

    /** {@code java}, the heap ({@code -Xmx256m}), the collector, the system properties, {@code -jar jar}. */
    static List<String> command(String heap, Path jar, List<String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.addAll(COLLECTOR);
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
