package com.busanev.kit.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    /** The Standard Webhooks reference vector (its libraries' tests). */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsAsTheStandardWebhooksReference() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerLiveSecret() {
        String next = WebhookSignature.newSecret();
        assertThat(WebhookSignature.header(List.of(next, SECRET), ID, TIMESTAMP, BODY).split(" "))
                .containsExactly(WebhookSignature.sign(next, ID, TIMESTAMP, BODY),
                        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsWhsecAndAtLeast24RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
