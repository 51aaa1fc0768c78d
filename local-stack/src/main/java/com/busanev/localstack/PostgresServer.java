package com.busanev.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A real PostgreSQL 17 server (binaries from Maven Central) with one database per service; data kept in the run folder. */
final class PostgresServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final int port;

    private PostgresServer(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    static PostgresServer start(Path dir, int port, List<String> databases) throws IOException, SQLException {
        File base = dir.toAbsolutePath().toFile();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File(base, "binaries"))
                .setDataDirectory(new File(base, "data"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // LocalStack's own hook stops it after the services: its own hook stopped it under them on Ctrl-C,
                // and every service logged ERRORs for its lost connections.
                .setRegisterShutdownHook(false)
                .start();
        PostgresServer postgres = new PostgresServer(server, port);
        postgres.createMissing(databases);
        return postgres;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://localhost:" + port + "/" + database;
    }

    private void createMissing(List<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
