package com.busanev.tower.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void aPauseTheServiceExplainsIsShownInItsWordsWithWhenToTryAgain() {
        ApiError paused = new ApiError("order-service", 503, "Service Unavailable",
                "Order intake is paused while the plant's systems catch up.", Map.of(), 2);

        assertThat(paused.unavailable()).isTrue();
        assertThat(paused.summary()).isEqualTo("order-service is pausing (503): Order intake is paused while the "
                + "plant's systems catch up. Try again in 2 s.");
    }

    @Test
    void aFailureWithoutExplanationStaysGeneric() {
        assertThat(new ApiError("order-service", 503, "Service Unavailable", null, Map.of(), 2).summary())
                .isEqualTo("order-service failed (503): try again in a moment");
        assertThat(new ApiError("order-service", 500, "Internal Server Error", "boom", Map.of(), null).summary())
                .isEqualTo("order-service failed (500): try again in a moment");
    }

    @Test
    void retryAfterIsReadInSecondsAndAnHttpDateCountsAsAbsent() {
        assertThat(ApiError.of("order-service", refusal("2")).retryAfter()).isEqualTo(2);
        assertThat(ApiError.of("order-service", refusal("Wed, 02 Dec 2026 08:00:00 GMT")).retryAfter()).isNull();
        assertThat(ApiError.of("order-service", new WebApplicationException(503)).retryAfter()).isNull();
    }

    private static WebApplicationException refusal(String retryAfter) {
        return new WebApplicationException(Response.status(503).header("Retry-After", retryAfter).build());
    }
}
