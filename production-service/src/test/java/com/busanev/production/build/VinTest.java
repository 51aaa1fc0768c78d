package com.busanev.production.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VinTest {
    @Test
    void knownVinsHaveTheRightCheckDigit() {
        // Published examples of the North American check digit.
        assertThat(Vin.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
        assertThat(Vin.isValid("1M8GDM9AXKP042788")).isTrue();
        assertThat(Vin.isValid("11111111111111111")).isTrue();
        assertThat(Vin.isValid("1M8GDM9A1KP042788")).isFalse();
    }

    @Test
    void assignedVinsAreValidAndSayWhatAndWhere() {
        String vin = Vin.assign("LONG_RANGE_DUAL_MOTOR", 2027, 123);
        assertThat(vin).hasSize(17).startsWith("KNMP4DEV").endsWith("VB000123");
        assertThat(Vin.isValid(vin)).isTrue();
        assertThat(Vin.assign("LONG_RANGE_SINGLE_MOTOR", 2026, 999_999)).matches("KNMP4SEV.TB999999");
        for (long serial = 0; serial < 2000; serial++) {
            assertThat(Vin.isValid(Vin.assign("LONG_RANGE_DUAL_MOTOR", 2027, serial))).isTrue();
        }
    }

    @Test
    void lettersIOAndQNeverAppear() {
        assertThat(Vin.isValid("KNMP4DEVOVB000123")).isFalse();
    }
}
