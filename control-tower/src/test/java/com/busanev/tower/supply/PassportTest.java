package com.busanev.tower.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassportTest {
    @Test
    void thePublicPartHasNoRestrictedRowsRatherThanShowingThemAsNotKnown() {
        assertThat(labels(passport("PUBLIC", null))).doesNotContain("Cell origin", "Composition", "Dismantling", "Safety");
        assertThat(labels(passport("RESTRICTED", "KR"))).contains("Cell origin", "Composition", "Dismantling", "Safety");
    }

    @Test
    void aFactNotDeclaredIsNullAnEmptyListIsNone() {
        Passport.Section general = section(passport("FULL", "KR"), "general");
        assertThat(general.facts()).filteredOn(f -> f.label().equals("Address")).singleElement()
                .extracting(Passport.Fact::value).isNull();
        assertThat(section(passport("FULL", "KR"), "materials").facts())
                .filteredOn(f -> f.label().equals("Hazardous substances")).singleElement()
                .extracting(Passport.Fact::value).isEqualTo("none");
        assertThat(section(passport("FULL", "KR"), "performance").facts())
                .filteredOn(f -> f.label().equals("Voltage")).singleElement()
                .extracting(Passport.Fact::value).isEqualTo("400 V nominal (300 V – 460 V)");
    }

    @Test
    void theAnnexXiiiPointOneFactsOfPerformanceAreShown() {
        assertThat(section(passport("PUBLIC", null), "performance").facts()).extracting(Passport.Fact::value)
                .contains("2000 cycles (IEC 62660-1)", "0.33", "70%", "-40 °C – 60 °C",
                        "95% initial, 93% at half the cycle life", "cell 0.6 mΩ, pack 95 mΩ");
        assertThat(labels(passport("PUBLIC", null))).contains("Calendar-life warranty", "Renewable content");
    }

    private static List<String> labels(Passport passport) {
        return passport.sections().stream().flatMap(s -> s.facts().stream()).map(Passport.Fact::label).toList();
    }

    private static Passport.Section section(Passport passport, String id) {
        return passport.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** As supplier-service sends it: the restricted fields absent (null) below RESTRICTED. */
    private static Passport passport(String level, String origin) {
        boolean restricted = origin != null;
        return new Passport("LGES-1", "https://x/passports/LGES-1", 2, Instant.EPOCH, level, false,
                List.of("passport.manufacturerAddress"),
                new Passport.General("EV", "LGES-P4-100", "ORIGINAL", "IN_VEHICLE", "LGES", null, "Ochang",
                        LocalDate.of(2027, 1, 4), "NOTICE", 650.0, 8),
                new Passport.CarbonFootprint(61.5, "B", "https://x/cf"),
                new Passport.DueDiligence("https://x/dd", origin, origin),
                new Passport.Materials("NMC", List.of(), List.of("cobalt"),
                        restricted ? new Passport.Composition("NMC811", "graphite", "LiPF6") : null),
                new Passport.Circularity(new Passport.RecycledContent(16.0, 6.0, 6.0, 0.0), 0.0, "water",
                        restricted ? "https://x/dismantling" : null, restricted ? "parts@x" : null,
                        restricted ? "https://x/safety" : null),
                new Passport.Performance(100.0, 250.0, 400.0, 300.0, 460.0, 300.0, 2000, "IEC 62660-1", 0.33, 70.0,
                        new Passport.TemperatureRange(-40.0, 60.0), new Passport.RoundTripEfficiency(95.0, 93.0),
                        new Passport.InternalResistance(0.6, 95.0)));
    }
}
