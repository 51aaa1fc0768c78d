package com.busanev.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the stack runs as a child process: its log goes to a file, it is ready when a URL answers 200. It can
 * be killed and started again with the same command and environment, as a crash and a restart by a supervisor.
 */
class ChildProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * How long one readiness poll waits for its answer. A starting server on busy cores can take seconds to answer;
     * a poll that gives up closes the connection under it, and Keycloak logs that as an ERROR ("Failed to write").
     */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(15);

    final String name;
    final Path log;
    private final ProcessBuilder builder;
    private volatile Process process;
    private volatile Instant started = Instant.now();
    private volatile Duration startTime;
    private boolean closed;

    ChildProcess(String name, List<String> command, Map<String, String> env, Path workDir, Path log) throws IOException {
        this.name = name;
        this.log = log;
        Files.createDirectories(log.getParent());
        this.builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        this.process = builder.redirectOutput(log.toFile()).start();
    }

    /**
     * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, no graceful stop, what a
     * crash or the OOM killer leaves. Then the same command starts again; the log goes on in the same file.
     */
    synchronized void killAndStart() throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException(name + " was stopped with the stack");
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        started = Instant.now();
        startTime = null;
        process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Polls {@code url} until it answers 200; fails with the log's tail if the process dies or time runs out. */
    void awaitReady(String url, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(POLL_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    startTime = Duration.between(started, Instant.now());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log + ":\n" + tail());
    }

    Duration startTime() {
        return startTime;
    }

    /** CPU time the process has used so far (user and system), or zero where the platform does not tell. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the process now, in MiB, from /proc (Linux). */
    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (!process.isAlive()) {
            return;
        }
        // Launch scripts (kc.sh) do not pass SIGTERM on to the JVM they start: stop the children too.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
