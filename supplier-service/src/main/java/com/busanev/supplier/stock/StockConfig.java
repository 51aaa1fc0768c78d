package com.busanev.supplier.stock;

import com.busanev.events.Region;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pack stock is planned ({@code supplier.stock.*}); docs/supplier-service.md, "Pack stock". */
@ConfigMapping(prefix = "supplier.stock")
public interface StockConfig {
    /**
     * Weeks from the current one that count only packs on hand and confirmed inbound (shipping notices): a supplier
     * sends its notice about this far ahead. Later weeks also count the contracts' commitment as forecast.
     */
    @WithDefault("2")
    int confirmedWeeks();

    /** Packs each region keeps in reserve: coverage says a region runs dry when its projected stock falls below. */
    SafetyStock safetyStock();

    interface SafetyStock {
        /** About a working day of the plan's North American builds (2,308 a week). */
        @WithDefault("460")
        int na();

        @WithDefault("230")
        int eu();

        @WithDefault("80")
        int kr();
    }

    default int safetyStock(Region region) {
        return switch (region) {
            case NA -> safetyStock().na();
            case EU -> safetyStock().eu();
            case KR -> safetyStock().kr();
        };
    }
}
