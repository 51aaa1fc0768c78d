package com.busanev.kit.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@link EndpointPolicy} of the configuration, with DNS resolved on a worker thread, never the event loop. */
@ApplicationScoped
public class WebhookEndpoints {
    private final EndpointPolicy policy;
    private final Vertx vertx;

    WebhookEndpoints(WebhookConfig config, Vertx vertx) {
        this.policy = EndpointPolicy.of(config.endpoints());
        this.vertx = vertx;
    }

    /** Why the URL cannot be an endpoint, or empty; the result comes back on the caller's context. */
    public Uni<Optional<String>> refusal(String url) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> policy.refusal(url)), false);
    }
}
