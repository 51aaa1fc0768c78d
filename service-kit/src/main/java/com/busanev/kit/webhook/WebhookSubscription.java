package com.busanev.kit.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner's endpoint, the event types it wants and its signing secrets. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The brand or supplier whose events it receives, from the token of the caller who registered it. */
    public String owner;
    public String url;
    @Column(name = "event_types", columnDefinition = "text[]")
    public String[] eventTypes;
    public String description;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    public boolean enabled;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    boolean wants(String eventName) {
        return List.of(eventTypes).contains(eventName);
    }
}
