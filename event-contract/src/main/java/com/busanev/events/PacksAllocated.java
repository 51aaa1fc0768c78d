package com.busanev.events;

import java.time.Instant;
import java.util.List;

/**
 * The total (not a delta) of packs allocated to one ISO week and region, so a consumer that sees it twice or
 * late keeps the newest total by {@code allocatedAt}.
 */
public record PacksAllocated(String week, Region region, int packs, List<PackSource> sources, Instant allocatedAt)
        implements DomainEvent {
    @Override
    public String subject() {
        return week + "/" + region;
    }
}
