package com.busanev.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments the side-by-side benchmarks share: {@code [count] [rounds] [label=dir[,NAME=value...] ...]}, where
 * count is what each run handles (orders, rows) and each build is one {@link ServiceBuild#of}, run in the order given;
 * this checkout's order-service, labelled {@code this}, when none is named. Reading them also quiets the embedded
 * Kafka's logging to warnings.
 */
record BenchmarkArgs(int count, int rounds, Path root, Map<String, ServiceBuild> builds) {
    static BenchmarkArgs parse(String[] args, int defaultCount) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int count = args.length > 0 ? Integer.parseInt(args[0]) : defaultCount;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Map<String, ServiceBuild> builds = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] label = args[i].split("=", 2);
            builds.put(label[0], ServiceBuild.of(label[1]));
        }
        if (builds.isEmpty()) {
            builds.put("this", new ServiceBuild(root.resolve("order-service"), Map.of()));
        }
        return new BenchmarkArgs(count, rounds, root, builds);
    }

    /** A setting of the services for the run, {@code NAME=value} (an environment variable), or none if {@code arg} is not one. */
    static Optional<Map.Entry<String, String>> setting(String arg) {
        String[] parts = arg.split("=", 2);
        return parts.length == 2 ? Optional.of(Map.entry(parts[0], parts[1])) : Optional.empty();
    }
}
