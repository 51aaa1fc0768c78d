package com.busanev.e2e;

import com.busanev.localstack.LocalStack;
import com.busanev.localstack.StackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
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

    /**
     * The tests' webhook receiver listens on 127.0.0.1 over plain HTTP, which production refuses (SSRF); retries come
     * within seconds, a dead sender's lease ends soon and the brand's endpoint takes 16 requests at once (the fault
     * test's 2,000 orders make some 40,000 events), so deliveries settle within the fault test's patience.
     */
    private static final Map<String, String> WEBHOOKS_ON_LOCALHOST = Map.of(
            "KIT_WEBHOOKS_ENDPOINTS_REQUIRE_HTTPS", "false",
            "KIT_WEBHOOKS_ENDPOINTS_ALLOWED_PRIVATE_HOSTS", "127.0.0.1",
            "KIT_WEBHOOKS_RETRY_DELAYS", "1s,2s,5s",
            "KIT_WEBHOOKS_REQUEST_TIMEOUT", "2s",
            "KIT_WEBHOOKS_LEASE", "10s",
            "KIT_WEBHOOKS_BACKLOG_REFRESH", "1s",
            "KIT_WEBHOOKS_PER_ENDPOINT_CONCURRENCY", "16");

    private static LocalStack start() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path runDir = Path.of("target", "e2e-run").toAbsolutePath();
        try {
            deleteRecursively(runDir);
            return LocalStack.start(new LocalStack.Options(root, runDir, StackPorts.free(), ACCELERATION, Instant.now())
                            .withSettings(WEBHOOKS_ON_LOCALHOST),
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
