package com.busanev.testing;

import com.busanev.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint for tests: a real HTTP server on a free port of 127.0.0.1 that verifies each request's
 * Standard Webhooks signature as a partner would (plain JDK, independently of the service's code), records it, and
 * answers as the test scripted per path: failures, hangs, then success.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** How to answer one request: a status code, after an optional delay (a hanging endpoint). */
    public record Answer(int status, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }

        public static Answer hang(Duration delay) {
            return new Answer(200, delay);
        }
    }

    /** One request as received: its headers, body, whether a known secret signed it, and how it was answered. */
    public record Received(String path, String id, String timestamp, String signature, String body, JsonNode json,
            boolean signed, int answered) {
        public String type() {
            return json.path("type").asText();
        }

        public String subject() {
            return json.path("subject").asText();
        }

        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> otherwise = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> secrets = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.setExecutor(receiver.executor);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint URL of a path, e.g. {@code url("/brand-a")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A secret the path's requests may be signed with (several during a rotation). */
    public void trust(String path, String secret) {
        secrets.computeIfAbsent(path, p -> Collections.synchronizedSet(new LinkedHashSet<>())).add(secret);
    }

    /** The secrets known for a path are replaced by this one. */
    public void trustOnly(String path, String secret) {
        secrets.put(path, Collections.synchronizedSet(new LinkedHashSet<>(List.of(secret))));
    }

    /** The next requests to the path are answered so, in turn; after them, as {@link #otherwise} says (200). */
    public void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    public void otherwise(String path, Answer answer) {
        otherwise.put(path, answer);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The path's requests answered 2xx, each webhook-id once (the first), in the order they were accepted. */
    public List<Received> accepted(String path) {
        Set<String> seen = new java.util.HashSet<>();
        List<Received> accepted = new ArrayList<>();
        for (Received r : received(path)) {
            if (r.accepted() && seen.add(r.id())) {
                accepted.add(r);
            }
        }
        return accepted;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        Deque<Answer> script = scripts.get(path);
        Answer next = script == null ? null : script.poll();
        Answer answer = next != null ? next : otherwise.getOrDefault(path, Answer.status(200));
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.add(new Received(path, id, timestamp, signature, body, json(body),
                verifies(path, id, timestamp, body, signature), answer.status()));
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    /** A partner's check: any {@code v1,<sig>} of the header matches a trusted secret's HMAC of id.timestamp.body. */
    private boolean verifies(String path, String id, String timestamp, String body, String header) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        for (String secret : List.copyOf(secrets.getOrDefault(path, Set.of()))) {
            String expected = "v1," + hmac(secret, id + "." + timestamp + "." + body);
            for (String candidate : header.split(" ")) {
                if (java.security.MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if the header carries a valid signature under this secret. */
    public static boolean signedWith(Received request, String secret) {
        String expected = "v1," + hmac(secret, request.id() + "." + request.timestamp() + "." + request.body());
        return List.of(request.signature().split(" ")).contains(expected);
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return EventJson.mapper().nullNode();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
