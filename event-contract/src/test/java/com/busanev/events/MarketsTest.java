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
}
