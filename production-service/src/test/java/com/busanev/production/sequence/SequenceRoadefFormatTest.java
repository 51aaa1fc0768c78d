package com.busanev.production.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceRoadefFormatTest {
    private static final List<RatioConstraint> RATIOS = RoadefFormat.ratios("Ratio;Prio;Ident;\n1/2;1;EV;\n2/5;0;ROOF;\n");

    @Test
    void readsRenaultsQuirksBlankLinesTrailingSeparatorsNoFinalNewline() {
        RoadefFormat.Vehicles vehicles = RoadefFormat.vehicles("""
                Date;SeqRank;Ident;Paint Color;ROOF;EV\r
                2003 38 3;9;A1;1;0;1\r
                \r
                2003 38 4;1;B1;2;1;0\r
                2003 38 4;2;B2;1;0;0""", RATIOS);

        assertThat(vehicles.fixed()).containsExactly(new Vehicle("A1", "1", new boolean[] {true, false}));
        assertThat(vehicles.day()).containsExactly(new Vehicle("B1", "2", new boolean[] {false, true}),
                new Vehicle("B2", "1", new boolean[] {false, false}));
        assertThat(RoadefFormat.paintBatchLimit("limitation;\n450;")).isEqualTo(450);
        assertThat(RoadefFormat.objectives("rank;objective name;\n1;paint_color_batches;\n"
                + "2;high_priority_level_and_difficult_to_satisfy_ratio_constraints;\n\n"))
                .containsExactly(Objective.COLOUR_CHANGES, Objective.HIGH_PRIORITY_RATIOS);
    }

    @Test
    void refusesAnUnknownOptionColumnNamingIt() {
        assertRefused("Date;SeqRank;Ident;Paint Color;EV;SUNROOF\n", 1, "SUNROOF");
    }

    @Test
    void refusesAMissingColourWithItsLine() {
        assertRefused("Date;SeqRank;Ident;Paint Color;EV;ROOF\nD;1;A1;1;0;0\nD;2;A2;;1;0\n", 3, "Paint Color");
    }

    @Test
    void refusesAFlagThatIsNotZeroOrOne() {
        assertRefused("Date;SeqRank;Ident;Paint Color;EV;ROOF\nD;1;A1;1;0;2\n", 2, "ROOF");
    }

    @Test
    void refusesNGreaterThanP() {
        assertThatThrownBy(() -> RoadefFormat.ratios("Ratio;Prio;Ident;\n1/2;1;EV;\n3/2;0;ROOF;\n"))
                .isInstanceOfSatisfying(RoadefFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Ratio");
                });
    }

    private static void assertRefused(String vehicles, int line, String field) {
        assertThatThrownBy(() -> RoadefFormat.vehicles(vehicles, RATIOS))
                .isInstanceOfSatisfying(RoadefFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(RoadefFormat.VEHICLES);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
