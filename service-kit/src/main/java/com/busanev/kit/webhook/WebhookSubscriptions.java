package com.busanev.kit.webhook;

import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners' subscriptions and their delivery logs. {@code owner} is the caller's brand or supplier (empty: any, for
 * operators who read everything); another owner's subscription is a 404. Every method but {@link #check} runs in
 * the caller's session or transaction (the resource opens it); {@link #check} resolves DNS, so it runs before.
 */
@ApplicationScoped
public class WebhookSubscriptions {
    static final int MAX_DESCRIPTION = 500;
    /** Requeues deliveries for a fresh retry schedule, due now. */
    private static final String REQUEUE = """
            UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, first_attempt_at = NULL,
                next_attempt_at = now(), delivered_at = NULL
            WHERE subscription_id = ?1""";

    private final WebhookEndpoints endpoints;
    private final WebhookEventTypes types;
    private final WebhookConfig config;
    private final WebhookBacklog backlog;

    WebhookSubscriptions(WebhookEndpoints endpoints, WebhookEventTypes types, WebhookConfig config,
            WebhookBacklog backlog) {
        this.endpoints = endpoints;
        this.types = types;
        this.config = config;
        this.backlog = backlog;
    }

    /** A 400 naming each field of a new subscription that is wrong. */
    public Uni<Void> check(SubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a subscription (url, eventTypes) is required");
        }
        return check(request.url(), request.eventTypes(), request.description(), false);
    }

    /** A 400 naming each field of a change that is wrong; fields left out are not checked. */
    public Uni<Void> check(SubscriptionPatch patch) {
        if (patch == null) {
            throw ProblemException.badRequest("body", "a change (enabled, url, eventTypes or description) is required");
        }
        return check(patch.url(), patch.eventTypes(), patch.description(), true);
    }

    private Uni<Void> check(String url, List<String> eventTypes, String description, boolean partial) {
        List<Violation> violations = new ArrayList<>();
        if (!partial || eventTypes != null) {
            if (eventTypes == null || eventTypes.isEmpty()) {
                violations.add(new Violation("eventTypes", "at least one event type is required; offered: " + types.names()));
            } else {
                for (int i = 0; i < eventTypes.size(); i++) {
                    if (!types.offers(eventTypes.get(i))) {
                        violations.add(new Violation("eventTypes[" + i + "]", "'" + eventTypes.get(i)
                                + "' is not an event type offered; offered: " + types.names()));
                    }
                }
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add(new Violation("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        Uni<Optional<String>> urlRefusal = partial && url == null ? Uni.createFrom().item(Optional.empty())
                : endpoints.refusal(url);
        return urlRefusal.map(refusal -> {
            refusal.ifPresent(reason -> violations.add(0, new Violation("url", reason)));
            if (!violations.isEmpty()) {
                throw ProblemException.badRequest("The subscription is not valid.", violations);
            }
            return null;
        });
    }

    /** A new, enabled subscription with a new secret. */
    public Uni<SubscriptionView> create(String owner, String createdBy, SubscriptionRequest request) {
        Instant now = WebhookClock.WALL.instant();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = owner;
        subscription.url = request.url();
        subscription.eventTypes = distinct(request.eventTypes());
        subscription.description = request.description();
        subscription.secret = WebhookSignature.newSecret();
        subscription.enabled = true;
        subscription.createdBy = createdBy;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        backlog.subscribed();
        return subscription.<WebhookSubscription>persist().map(SubscriptionView::withSecret);
    }

    public Uni<WebhookSubscription> find(UUID id, Optional<String> owner) {
        return WebhookSubscription.<WebhookSubscription>findById(id)
                .map(found -> {
                    if (found == null || owner.filter(o -> !o.equals(found.owner)).isPresent()) {
                        throw ProblemException.notFound("No webhook subscription " + id + ".");
                    }
                    return found;
                });
    }

    public Uni<Page<SubscriptionView>> list(Optional<String> owner, PageParams page) {
        var found = owner.isPresent()
                ? WebhookSubscription.<WebhookSubscription>find("owner", Sort.descending("createdAt").and("id"), owner.get())
                : WebhookSubscription.<WebhookSubscription>findAll(Sort.descending("createdAt").and("id"));
        var paged = found.page(page.page, page.size);
        return paged.list().chain(items -> paged.count()
                .map(total -> Page.of(items.stream().map(SubscriptionView::of).toList(), page, total)));
    }

    /**
     * Applies a change. Enabling a disabled subscription clears why it was disabled and makes its pending deliveries
     * due now with a fresh retry schedule; disabling it holds them.
     */
    public Uni<SubscriptionView> update(UUID id, String owner, SubscriptionPatch patch) {
        return find(id, Optional.of(owner)).chain(subscription -> {
            Instant now = WebhookClock.WALL.instant();
            boolean resumed = Boolean.TRUE.equals(patch.enabled()) && !subscription.enabled;
            if (patch.url() != null) {
                subscription.url = patch.url();
            }
            if (patch.eventTypes() != null) {
                subscription.eventTypes = distinct(patch.eventTypes());
            }
            if (patch.description() != null) {
                subscription.description = patch.description();
            }
            if (patch.enabled() != null && patch.enabled() != subscription.enabled) {
                subscription.enabled = patch.enabled();
                subscription.disabledAt = subscription.enabled ? null : now;
                subscription.disabledReason = subscription.enabled ? null : "disabled by its owner";
            }
            subscription.updatedAt = now;
            Uni<Void> requeued = resumed ? requeue(subscription.id, " AND status = 'PENDING'").replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return requeued.replaceWith(SubscriptionView.of(subscription));
        });
    }

    /** Deletes the subscription and the deliveries still owed to it. */
    public Uni<Void> delete(UUID id, String owner) {
        return find(id, Optional.of(owner)).chain(subscription -> subscription.delete());
    }

    /**
     * A new secret; the previous one keeps signing (requests carry both signatures) for
     * {@code kit.webhooks.rotation-grace}, so the partner can switch without losing a request.
     */
    public Uni<SubscriptionView> rotateSecret(UUID id, String owner) {
        return find(id, Optional.of(owner)).map(subscription -> {
            Instant now = WebhookClock.WALL.instant();
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretExpiresAt = now.plus(config.rotationGrace());
            subscription.secret = WebhookSignature.newSecret();
            subscription.updatedAt = now;
            return SubscriptionView.withSecret(subscription);
        });
    }

    /** The delivery log, newest event first. */
    public Uni<Page<DeliveryView>> deliveries(UUID id, Optional<String> owner, Optional<WebhookDelivery.Status> status,
            PageParams page) {
        return find(id, owner).chain(subscription -> {
            Parameters parameters = Parameters.with("subscription", subscription.id);
            String query = "subscriptionId = :subscription";
            if (status.isPresent()) {
                query += " and status = :status";
                parameters.and("status", status.get());
            }
            var found = WebhookDelivery.<WebhookDelivery>find(query, Sort.descending("eventTime").and("seq", Sort.Direction.Descending),
                    parameters).page(page.page, page.size);
            return found.list().chain(items -> found.count()
                    .map(total -> Page.of(items.stream().map(DeliveryView::of).toList(), page, total)));
        });
    }

    /** Sends one delivery again (delivered or not), in its order among its key's pending deliveries. */
    public Uni<Redelivery> redeliver(UUID id, String owner, UUID deliveryId) {
        return find(id, Optional.of(owner))
                .chain(subscription -> requeue(subscription.id, " AND id = ?2", deliveryId))
                .map(count -> {
                    if (count == 0) {
                        throw ProblemException.notFound("No delivery " + deliveryId + " of webhook subscription " + id + ".");
                    }
                    return new Redelivery(count);
                });
    }

    /** Sends again every delivery of events in [from, to) (event time), each key's in their order. */
    public Uni<Redelivery> redeliver(UUID id, String owner, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.badRequest("from", "from and to are required, from before to");
        }
        return find(id, Optional.of(owner))
                .chain(subscription -> requeue(subscription.id, " AND event_time >= ?2 AND event_time < ?3", from, to))
                .map(Redelivery::new);
    }

    /** Due now with a fresh retry schedule; the sender finds them at its next look ({@code kit.webhooks.poll-interval}). */
    private Uni<Integer> requeue(UUID subscription, String where, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(REQUEUE + where).setParameter(1, subscription);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 2, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    private static String[] distinct(List<String> eventTypes) {
        return new LinkedHashSet<>(eventTypes).toArray(String[]::new);
    }
}
