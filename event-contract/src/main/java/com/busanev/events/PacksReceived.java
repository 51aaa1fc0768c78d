package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Battery packs of a delivery (advance shipping notice) arrived at the plant: from now on they are stock the line may
 * build with. {@code allowedMarkets} are the markets whose sourcing rule the packs satisfied when they were received
 * (supplier-service owns the rules; the cells in a pack never change afterwards), so the plant floor can check a
 * scanned serial without asking. A partial receipt lists only the serials that arrived; a later receipt of the same
 * delivery is another event with the rest.
 */
public record PacksReceived(UUID deliveryId, UUID contractId, String supplier, List<String> serials,
        List<String> allowedMarkets, LocalDate receivedOn, Instant receivedAt) implements DomainEvent {
    @Override
    public String subject() {
        return deliveryId.toString();
    }
}
