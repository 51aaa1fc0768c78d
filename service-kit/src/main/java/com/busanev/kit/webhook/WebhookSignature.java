package com.busanev.kit.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): a secret is {@code whsec_} and the base64 of its
 * random key bytes; a request carries {@code webhook-id} (the event id: the same on every retry and redelivery, the
 * receiver's dedupe key), {@code webhook-timestamp} (epoch seconds of this attempt) and {@code webhook-signature}:
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the key, one per live secret separated
 * by spaces (two during a rotation).
 */
public final class WebhookSignature {
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    static final String VERSION = "v1";
    /** 32 random bytes: more than the 24 Standard Webhooks asks for, the HMAC-SHA256 block's half. */
    private static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<base64 signature>} of one message under one secret. */
    public static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX)
                ? secret.substring(SECRET_PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code webhook-signature} header: the message signed with each live secret, newest first. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }
}
