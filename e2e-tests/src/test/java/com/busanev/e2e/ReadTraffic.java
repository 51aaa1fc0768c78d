package com.busanev.e2e;

import com.busanev.localstack.PartnerApi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A partner reading from services that are being stopped: one thread per URL reads it as the viewer, again and again,
 * until the service no longer takes them. A stopping service owes a request under way its answer (Quarkus' graceful
 * shutdown, {@code quarkus.shutdown.timeout}, waits for it) and a new one a 503 or a closed connection (HTTP/2's GOAWAY,
 * what this client gets); any other answer is kept as a failure.
 */
final class ReadTraffic implements AutoCloseable {
    private static final String READER = "viewer";
    /** The answers a stopping service may give: the list, or "not now". */
    private static final int LIST = 200;
    private static final int NOT_NOW = 503;

    private final ExecutorService threads;
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ReadTraffic(PartnerApi api, List<String> urls) throws IOException, InterruptedException {
        api.token(READER);
        threads = Executors.newFixedThreadPool(urls.size());
        urls.forEach(url -> {
            answered.put(url, new AtomicInteger());
            threads.submit(() -> readUntilGone(api, url));
        });
    }

    static ReadTraffic start(PartnerApi api, List<String> urls) throws IOException, InterruptedException {
        return new ReadTraffic(api, urls);
    }

    /** How many answers each URL gave. */
    Map<String, Integer> answered() {
        return answered.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, count -> count.getValue().get()));
    }

    /** The answers neither the list nor a 503. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private Void readUntilGone(PartnerApi api, String url) throws InterruptedException {
        while (!closed) {
            try {
                PartnerApi.Answer answer = api.read(READER, url);
                answered.get(url).incrementAndGet();
                if (answer.status() != LIST && answer.status() != NOT_NOW) {
                    unexpected.add("GET " + url + " answered " + answer.status() + ": " + answer.body());
                }
            } catch (IOException gone) {
                // refused, or the stopping server's GOAWAY on the client's HTTP/2 connection: the service has gone
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}
