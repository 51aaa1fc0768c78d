package com.busanev.kit.idempotency;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotency-Key for POST creates: the same key and body within a scope (caller and endpoint) returns the
 * first result again; the same key with another body is refused with 422. The key is stored in the transaction
 * of the create, so a create and its key commit or roll back together.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    /** Response header: true when the response is the replay of an earlier request with the same key. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String FIND = """
            SELECT request_hash, response_status, response_body FROM idempotency_key
            WHERE scope = ?1 AND idempotency_key = ?2""";
    private static final String STORE = """
            INSERT INTO idempotency_key (scope, idempotency_key, request_hash, response_status, response_body)
            VALUES (?1, ?2, ?3, ?4, ?5)""";

    private final ObjectMapper mapper;

    IdempotencyKeys(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Runs {@code create} once per key; call inside a transaction. Without a key it simply runs {@code create}.
     *
     * @param scope who and what the key is for, e.g. {@code "orders:" + brand}
     */
    public <T> Uni<IdempotentResult<T>> once(String key, String scope, Object request, Class<T> responseType,
            int successStatus, Supplier<Uni<T>> create) {
        if (key == null) {
            return create.get().map(body -> new IdempotentResult<>(successStatus, body, false));
        }
        try {
            requireValid(key);
        } catch (ProblemException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        String hash = hash(request);
        return find(scope, key)
                .chain(found -> {
                    if (!found.isEmpty()) {
                        return replay(found.get(0), hash, responseType);
                    }
                    return create.get().call(body -> store(scope, key, hash, successStatus, body))
                            .map(body -> new IdempotentResult<>(successStatus, body, false));
                });
    }

    /** Fails with 400 unless {@code key} (not null) can be used. */
    public void requireValid(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("The Idempotency-Key header is not valid.",
                    List.of(new Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")));
        }
    }

    /**
     * For a service that inserts the key in the same statement as its create (table {@code idempotency_key}, one
     * statement being one transaction) instead of calling {@link #once}: the row to insert. A unique violation on
     * it means the key was used first; then {@link #stored} answers.
     */
    public IdempotencyRecord record(String key, String scope, Object request, int successStatus, Object responseBody) {
        return new IdempotencyRecord(scope, key, hash(request), successStatus, toJson(responseBody));
    }

    /**
     * The first result stored for the key, replayed, or null when there is none; 422 when it was stored for another
     * request body. Runs in the caller's session.
     */
    public <T> Uni<IdempotentResult<T>> stored(String key, String scope, Object request, Class<T> responseType) {
        String hash = hash(request);
        return find(scope, key).chain(found -> found.isEmpty() ? Uni.createFrom().nullItem()
                : replay(found.get(0), hash, responseType));
    }

    private Uni<List<Object[]>> find(String scope, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND, Object[].class)
                .setParameter(1, scope).setParameter(2, key).getResultList());
    }

    private <T> Uni<IdempotentResult<T>> replay(Object[] row, String hash, Class<T> responseType) {
        if (!hash.equals(row[0])) {
            return Uni.createFrom().failure(ProblemException.unprocessable(
                    "The Idempotency-Key was already used with a different request body."));
        }
        try {
            // The stored body is our own serialized response; read it back leniently (views may add derived fields).
            T body = mapper.readerFor(responseType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue((String) row[2]);
            return Uni.createFrom().item(new IdempotentResult<>(((Number) row[1]).intValue(), body, true));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("stored response unreadable", e));
        }
    }

    private Uni<Void> store(String scope, String key, String hash, int status, Object body) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(STORE)
                        .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                        .setParameter(4, status).setParameter(5, toJson(body))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }
}
