package com.busanev.supplier.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which battery passport facts a contract lacks: every mandatory one, nested parts by name, an empty list is "none". */
class PassportFactsTest {
    private static final PassportFacts COMPLETE = new PassportFacts("M-1", "Maker", "1 Road, Seoul, KR", "Ochang, KR",
            650.0, 400.0, 300.0, 460.0, 300.0, 2000, List.of(), List.of("cobalt"), "water",
            new PassportFacts.RecycledContent(16.0, 6.0, 6.0, 0.0), "B", "https://m.example/pcf",
            "https://m.example/dd", new PassportFacts.DetailedComposition("NMC811", "graphite", "LiPF6"),
            "parts@m.example", "https://m.example/dismantling", "https://m.example/safety");

    @Test
    void completeFactsMissNothingAndAnEmptyListMeansNone() {
        assertThat(PassportFacts.missing(COMPLETE)).isEmpty();
    }

    @Test
    void noFactsMissEveryMandatoryField() {
        List<String> missing = PassportFacts.missing(null);
        assertThat(missing).hasSize(26).startsWith("passport.batteryModel")
                .contains("passport.recycledContent.leadPct", "passport.detailedComposition.electrolyte",
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
