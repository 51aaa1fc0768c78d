package com.busanev.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Calls the services as a partner system would: with a bearer token from Keycloak for a demo user. */
public final class PartnerApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private record Token(String value, Instant expires) {
    }

    /**
     * A service's answer, for calls that may succeed in more than one way (a cancel accepted or refused), with its
     * Retry-After when it has one (order intake paused while the chain catches up).
     */
    public record Answer(int status, JsonNode body, Optional<Duration> retryAfter) {
        public boolean isServerError() {
            return status >= 500;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloakUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final LongAdder toldToWait = new LongAdder();

    public PartnerApi(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** An access token for a demo user (its password is its name; see docs/local-run.md). */
    public String token(String user) throws IOException, InterruptedException {
        Token cached = tokens.get(user);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return cached.value();
        }
        String form = "grant_type=password&client_id=ev-cli&username=" + enc(user) + "&password=" + enc(user);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        Token token = new Token(body.get("access_token").asText(), Instant.now().plusSeconds(body.get("expires_in").asLong()));
        tokens.put(user, token);
        return token.value();
    }

    public JsonNode get(String user, String url) throws IOException, InterruptedException {
        return expect(200, read(user, url), "GET " + url);
    }

    public JsonNode post(String user, String url, Object body, int expectedStatus) throws IOException, InterruptedException {
        return expect(expectedStatus, call(user, url, body, Map.of()), "POST " + url);
    }

    public JsonNode put(String user, String url, Object body, Map<String, String> headers, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return expect(expectedStatus, answer(user, request), "PUT " + url);
    }

    /** A GET whose answer the caller judges; fails only if no answer came (connection refused or cut). */
    public Answer read(String user, String url) throws IOException, InterruptedException {
        return answer(user, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A POST whose answer the caller judges; fails only if no answer came (connection refused or cut). */
    public Answer call(String user, String url, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return answer(user, request);
    }

    /**
     * {@link #call} again while the service does not answer or answers 5xx (it is restarting, or its database is, or
     * it paused intake), as a partner system retries, for at most {@code patience}: after the answer's Retry-After
     * when it has one. Only for requests that are safe to repeat: a cancel, a create carrying an Idempotency-Key.
     */
    public Answer callUntilAnswered(String user, String url, Object body, Map<String, String> headers, Duration patience)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Duration pause = RETRY_PAUSE;
            try {
                Answer answer = call(user, url, body, headers);
                if (!answer.isServerError() || Instant.now().isAfter(deadline)) {
                    return answer;
                }
                if (answer.retryAfter().isPresent()) {
                    pause = answer.retryAfter().get();
                    toldToWait.increment();
                }
            } catch (IOException noAnswer) {
                if (Instant.now().isAfter(deadline)) {
                    throw noAnswer;
                }
            }
            Thread.sleep(pause.toMillis());
        }
    }

    /** Answers with a Retry-After that {@link #callUntilAnswered} waited for, since this client was made. */
    public long toldToWait() {
        return toldToWait.sum();
    }

    private Answer answer(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token(user))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), body(response.body()),
                response.headers().firstValueAsLong("Retry-After").stream().mapToObj(Duration::ofSeconds).findFirst());
    }

    /** The body as JSON, or as text when it is none (a stopping server's plain 503). */
    private static JsonNode body(String text) {
        if (text.isEmpty()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static JsonNode expect(int expectedStatus, Answer answer, String request) throws IOException {
        if (answer.status() != expectedStatus) {
            throw new IOException(request + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
