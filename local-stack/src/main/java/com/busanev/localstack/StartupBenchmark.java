package com.busanev.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's JVM start time (process start to /q/health/ready answering 200: Flyway, Kafka and OIDC
 * connections included) and resident memory right after, with the services started one at a time so no start
 * competes with another for the two cores. Repeats the whole start {@code rounds} times and prints medians.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.StartupBenchmark [rounds]}.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Map<String, List<Long>> millis = new HashMap<>();
        Map<String, List<Long>> rss = new HashMap<>();
        for (int round = 1; round <= rounds; round++) {
            Path runDir = Files.createTempDirectory(root.resolve("local-stack/target"), "startup-");
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, runDir, StackPorts.free(), 1,
                    Instant.now(), true, Map.of()), line -> { })) {
                for (LocalStack.ServiceStart start : stack.serviceStarts()) {
                    millis.computeIfAbsent(start.service(), s -> new ArrayList<>()).add(start.startTime().toMillis());
                    rss.computeIfAbsent(start.service(), s -> new ArrayList<>()).add(start.rssMiB());
                    System.out.printf("round %d  %-19s %6d ms  %4d MiB%n", round, start.service(), start.startTime().toMillis(),
                            start.rssMiB());
                }
            }
        }
        System.out.println("medians:");
        millis.keySet().stream().sorted().forEach(service -> System.out.printf("  %-19s %6d ms  %4d MiB%n", service,
                median(millis.get(service)), median(rss.get(service))));
        System.exit(0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
