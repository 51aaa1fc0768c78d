package com.busanev.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its server distribution, started in dev mode with the ev-partnership realm imported. Its own
 * (H2) database lives in the run folder, not in the shared distribution: a reset wipes it, and the end-to-end
 * test's Keycloak never contends for the local run's database file.
 */
final class KeycloakServer {
    static final String REALM = "ev-partnership";
    static final String ADMIN = "admin";

    private KeycloakServer() {
    }

    /** Starts Keycloak; the caller registers it for shutdown before waiting with {@link #awaitReady}. */
    static ChildProcess launch(Path distribution, Path runDir, int port, int managementPort) throws IOException {
        Path home = distribution.toAbsolutePath();
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/realm/ev-partnership-realm.json")) {
            Files.copy(realm, imports.resolve("ev-partnership-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path database = runDir.toAbsolutePath().resolve("keycloak");
        Files.createDirectories(database);
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // The dev-file database URL is built from kc.db-url-path (default: the distribution's home).
                "JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + database,
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        return new ChildProcess("keycloak",
                List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                        "--http-port=" + port, "--http-management-port=" + managementPort,
                        "--hostname-strict=false", "--health-enabled=false"),
                env, home, runDir.resolve("logs/keycloak.log"));
    }

    static void awaitReady(ChildProcess keycloak, int port) throws InterruptedException {
        keycloak.awaitReady("http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration",
                Duration.ofMinutes(3));
    }

    /** The Keycloak distribution unpacked by the build under local-stack/target/keycloak. */
    static Path distribution(Path root) throws IOException {
        Path unpacked = root.resolve("local-stack/target/keycloak");
        try (var dirs = Files.list(unpacked)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IOException("no Keycloak distribution in " + unpacked + ": run the build first"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no Keycloak distribution in " + unpacked + ": run ./mvnw -DskipTests package first", e);
        }
    }
}
