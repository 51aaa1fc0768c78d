package com.busanev.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The brand asked to change the order's specification before the plant's freeze point. Carries the whole
 * specification as it would be after the change (not a diff), so a consumer needs nothing else to apply it. Only a
 * request: production-service, which knows the build's day and the freeze point, decides, and answers with
 * {@link BuildChanged} or {@link BuildChangeRefused}. {@code region} is the order's, unchanged (a change may move the
 * market only within it).
 */
public record OrderChangeRequested(UUID orderId, UUID changeId, String brand, String exteriorColour, String interior,
        String wheels, List<String> optionPacks, String market, Region region, Instant requestedAt)
        implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
