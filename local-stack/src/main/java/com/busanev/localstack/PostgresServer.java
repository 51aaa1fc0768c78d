package com.busanev.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real PostgreSQL 17 server (binaries from Maven Central) with one database per service; data kept in the run folder. */
final class PostgresServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final String BUSIEST = """
            SELECT d.datname, s.total_exec_time, s.calls, s.mean_exec_time, s.query
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            ORDER BY s.total_exec_time DESC LIMIT ?""";

    private final EmbeddedPostgres.Builder builder;
    private final int port;
    private final Path data;
    private volatile EmbeddedPostgres server;

    private PostgresServer(EmbeddedPostgres.Builder builder, int port, Path data) {
        this.builder = builder;
        this.port = port;
        this.data = data;
    }

    static PostgresServer start(Path dir, int port, List<String> databases) throws IOException, SQLException {
        File base = dir.toAbsolutePath().toFile();
        // The server's own log next to the services' (kept when a benchmark deletes its data): a deadlock's
        // detail, which transactions waited for which, is written only there.
        Path logs = Files.createDirectories(dir.toAbsolutePath().resolveSibling("logs"));
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File(base, "binaries"))
                .setDataDirectory(new File(base, "data"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofMinutes(1))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setServerConfig("max_connections", "200")
                // A write-heavy suite on PostgreSQL's defaults (1 GB of WAL between checkpoints, 128 MB of buffers):
                // a year's flow checkpointed 41 times and 19 of its 21 GB of WAL were full-page images, the first
                // write of every page after each checkpoint. The settings of the service databases in k8s/base.
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("wal_buffers", "32MB")
                // Time per statement, for the benchmarks' report of where PostgreSQL's time went (busiestStatements).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                // LocalStack's own hook stops it after the services: its own hook stopped it under them on Ctrl-C,
                // and every service logged ERRORs for its lost connections.
                .setRegisterShutdownHook(false);
        PostgresServer postgres = new PostgresServer(builder, port, base.toPath().resolve("data"));
        postgres.server = builder.start();
        postgres.createMissing(databases);
        return postgres;
    }

    /**
     * Stops the server (a fast shutdown: open transactions roll back, every client is disconnected) and starts it
     * again on the same data directory and port.
     */
    synchronized void restart() throws IOException {
        server.close();
        server = builder.start();
    }

    /** The postmaster's process id, the first line of its pid file in the data directory. */
    long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    /** A Quarkus service's datasource on {@code database}, as the environment variables that set it. */
    Map<String, String> datasourceEnvironment(String database) {
        return Map.of("QUARKUS_DATASOURCE_USERNAME", USER, "QUARKUS_DATASOURCE_PASSWORD", PASSWORD,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database), "QUARKUS_DATASOURCE_REACTIVE_URL", reactiveUrl(database));
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
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    /**
     * The statements of every database that took the most time since the server started, a line each: database,
     * seconds in all, calls, milliseconds a call, the statement. A statement's time includes its waits for locks.
     */
    List<String> busiestStatements(int limit) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                PreparedStatement statement = connection.prepareStatement(BUSIEST)) {
            statement.setInt(1, limit);
            List<String> lines = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String sql = row.getString(5).replaceAll("\\s+", " ");
                    lines.add(String.format("%-11s %7.1f s %9d calls %9.2f ms  %s", row.getString(1), row.getDouble(2) / 1000,
                            row.getLong(3), row.getDouble(4), sql.length() > 120 ? sql.substring(0, 120) + " ..." : sql));
                }
            }
            return lines;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
    }
}
