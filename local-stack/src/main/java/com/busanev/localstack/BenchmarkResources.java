package com.busanev.localstack;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What a benchmark started (servers, services, clients), stopped in reverse when the JVM ends, also when the benchmark
 * is interrupted (Ctrl-C, a timeout); and the median it reports.
 */
final class BenchmarkResources {
    private static final Deque<AutoCloseable> RUNNING = new ConcurrentLinkedDeque<>();

    private BenchmarkResources() {
    }

    /** Stops what is still running when the JVM ends. */
    static void stopAllOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(BenchmarkResources::stopAll));
    }

    /** The resource, registered to be stopped at the end unless it was closed before. */
    static <T extends AutoCloseable> T started(T resource) {
        RUNNING.push(resource);
        return resource;
    }

    /** Everything was closed in order: nothing is left for the exit. */
    static void allClosed() {
        RUNNING.clear();
    }

    private static void stopAll() {
        for (AutoCloseable resource = RUNNING.poll(); resource != null; resource = RUNNING.poll()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("stopping " + resource + " failed: " + e.getMessage());
            }
        }
    }

    static Double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
