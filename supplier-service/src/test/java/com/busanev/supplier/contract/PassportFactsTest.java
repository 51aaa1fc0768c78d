package com.busanev.supplier.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which battery passport facts a contract lacks: every mandatory one, nested parts by name, an empty list is "none". */
class PassportFactsTest {
    private static final PassportFacts COMPLETE = new PassportFacts("M-1", "Maker", "1 Road, Seoul, KR", "Ochang, KR",
            650.0, 400.0, 300.0, 460.0, 300.0, 2000, "IEC 62660-1:2018", 0.33, 70.0,
            new PassportFacts.TemperatureRange(-40.0, 60.0), 8, new PassportFacts.RoundTripEfficiency(95.0, 93.0),
            new PassportFacts.InternalResistance(0.6, 95.0), List.of(), List.of("cobalt"), "water",
            new PassportFacts.RecycledContent(16.0, 6.0, 6.0, 0.0), 0.0, "B", "https://m.example/pcf",
            "https://m.example/dd", new PassportFacts.DetailedComposition("NMC811", "graphite", "LiPF6"),
            "parts@m.example", "https://m.example/dismantling", "https://m.example/safety");

    @Test
    void completeFactsMissNothingAndAnEmptyListMeansNone() {
        assertThat(PassportFacts.missing(COMPLETE)).isEmpty();
    }

    @Test
    void noFactsMissEveryMandatoryField() {
        List<String> missing = PassportFacts.missing(null);
        assertThat(missing).hasSize(37).startsWith("passport.batteryModel")
                .contains("passport.recycledContent.leadPct", "passport.detailedComposition.electrolyte",
                        "passport.renewableContentPct", "passport.idleTemperatureRange.maxC",
                        "passport.roundTripEfficiency.at50PctCycleLifePct", "passport.internalResistance.packMilliohm",
                        "passport.calendarLifeWarrantyYears", "passport.cycleLifeTestCRate",
                        "passport.capacityThresholdForExhaustionPct", "passport.expectedLifetimeReferenceTest",
                        "passport.hazardousSubstances", "passport.safetyInstructionsUrl");
    }

    @Test
    void blankValuesAndMissingNestedPartsAreNamed() throws Exception {
        PassportFacts partial = EventJson.mapper().readValue("""
                {"batteryModel":" ","recycledContent":{"cobaltPct":10.0},"detailedComposition":{"cathode":"LFP"}}""",
                PassportFacts.class);
        assertThat(PassportFacts.missing(partial)).contains("passport.batteryModel", "passport.recycledContent.lithiumPct",
                        "passport.recycledContent.nickelPct", "passport.recycledContent.leadPct",
                        "passport.detailedComposition.anode", "passport.detailedComposition.electrolyte")
                .doesNotContain("passport.recycledContent.cobaltPct", "passport.detailedComposition.cathode");
    }
}
