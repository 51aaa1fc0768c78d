package com.busanev.logistics.passport;

import com.busanev.events.Region;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.Set;

/** Which cars need a complete battery passport before they are booked ({@code logistics.passport.*}). */
@ConfigMapping(prefix = "logistics.passport")
public interface PassportConfig {
    /** Regions whose cars need one: the EU battery regulation's market. */
    @WithDefault("EU")
    Set<Region> requiredRegions();

    /**
     * The plant date from which the duty applies: 18 February 2027, when Regulation (EU) 2023/1542's battery passport
     * (Art. 77) becomes mandatory for EV batteries placed on the EU market.
     */
    @WithDefault("2027-02-18")
    LocalDate requiredFrom();
}
