package com.busanev.e2e;

import com.busanev.localstack.LocalStack;
import com.busanev.localstack.StackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole suite, started once through the launcher for every end-to-end test class that asks for a
 * {@link LocalStack} parameter (Keycloak and four services take a minute or two to start on 2 cores). It lives in
 * JUnit's root store, which closes it after the last test class.
 */
final class SharedStack implements ParameterResolver {
    /** A plant day every 2 s, as in the local run: builds, sailings and arrivals pass in seconds. */
    static final double ACCELERATION = 43_200;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedStack.class))
                .computeIfAbsent(LocalStack.class, type -> start(), LocalStack.class);
    }

    private static LocalStack start() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path runDir = Path.of("target", "e2e-run").toAbsolutePath();
        try {
            deleteRecursively(runDir);
            return LocalStack.start(new LocalStack.Options(root, runDir, StackPorts.free(), ACCELERATION, Instant.now()),
                    line -> System.out.println("[e2e] " + line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the suite did not start", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
