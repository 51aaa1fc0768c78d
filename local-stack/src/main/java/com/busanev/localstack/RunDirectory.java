package com.busanev.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's working directory under {@code local-stack/target}: the stack's databases, Kafka's log and the
 * services' logs while it runs; only the logs once it has finished (a year's flow leaves about 7 GB of data, and a few
 * runs fill the disk).
 */
final class RunDirectory {
    private static final String LOGS = "logs";

    private RunDirectory() {
    }

    static Path create(Path root, String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(root.resolve("local-stack/target")), prefix);
    }

    /** Deletes everything but the services' logs; call once the stack is stopped. */
    static void keepLogsOnly(Path runDir) {
        try (Stream<Path> entries = Files.list(runDir)) {
            for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals(LOGS)).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clean " + runDir, e);
        }
        System.out.println("services' logs kept in " + runDir.resolve(LOGS));
    }
}
