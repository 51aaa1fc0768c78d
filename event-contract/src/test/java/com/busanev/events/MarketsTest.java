package com.busanev.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketsTest {
    @Test
    void marketDecidesRegion() {
        assertThat(Markets.regionOf("US")).contains(Region.NA);
        assertThat(Markets.regionOf("CA")).contains(Region.NA);
        assertThat(Markets.regionOf("DE")).contains(Region.EU);
        assertThat(Markets.regionOf("KR")).contains(Region.KR);
        assertThat(Markets.regionOf("GB")).isEmpty();
        assertThat(Markets.regionOf(null)).isEmpty();
        assertThat(Markets.EU).hasSize(27);
    }

    @Test
    void marketDecidesDestinationPorts() {
        assertThat(Markets.destinationPorts("US")).containsExactlyInAnyOrder("USLGB", "USBAL");
        assertThat(Markets.destinationPorts("CA")).containsExactly("CAVAN");
        assertThat(Markets.destinationPorts("FR")).containsExactlyInAnyOrder("FRLEH", "BEZEE", "DEBRV");
        assertThat(Markets.destinationPorts("KR")).as("by truck").isEmpty();
        assertThat(Markets.destinationPorts("MX")).isEmpty();
    }
}
