package com.busanev.supplier.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.IsoWeek;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractStatus;
import com.busanev.supplier.schedule.ScheduleNeeds.Need;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleLinesTest {
    private static final IsoWeek FIRST = IsoWeek.parse("2027-W10");

    private static Need allocated(int packs) {
        return new Need(packs, Basis.ALLOCATION);
    }

    /** 52 packs a month committed, 26 to 87 flex: 12 a week, 6 to 20. */
    private static Contract contract() {
        Contract contract = new Contract();
        contract.status = ContractStatus.ACTIVE;
        contract.validFrom = FIRST.monday();
        contract.validTo = FIRST.plusWeeks(2).sunday();
        contract.monthlyCommitted = 52;
        contract.monthlyFlexMin = 26;
        contract.monthlyFlexMax = 87;
        return contract;
    }

    @Test
    void theNeedIsClampedToTheWeeklyFlexAndTheFrozenWeeksAreFirm() {
        Map<IsoWeek, Need> need = Map.of(FIRST, allocated(3), FIRST.plusWeeks(1), allocated(25),
                FIRST.plusWeeks(2), allocated(10));
        List<ScheduleLine> lines = ScheduleLines.plan(contract(), FIRST, 4, 2,
                week -> need.getOrDefault(week, Need.NONE), Map.of());

        assertThat(lines).extracting(l -> l.week).containsExactly("2027-W10", "2027-W11", "2027-W12", "2027-W13");
        assertThat(lines).extracting(l -> l.packs).containsExactly(6, 20, 10, 0); // below min, above max, within, out of term
        assertThat(lines).extracting(l -> l.kind)
                .containsExactly(LineKind.FIRM, LineKind.FIRM, LineKind.FORECAST, LineKind.FORECAST);
        assertThat(lines.get(0).flexMin).isEqualTo(6);
        assertThat(lines.get(0).flexMax).isEqualTo(20);
        assertThat(lines.get(3).flexMax).isZero(); // the week after the term owes nothing
        assertThat(lines).extracting(l -> l.basis)
                .containsExactly(Basis.ALLOCATION, Basis.ALLOCATION, Basis.ALLOCATION, Basis.FLEX_MINIMUM);
    }

    @Test
    void aWeekWithoutAllocationCallsOffItsDemandShareWithinTheFlexAndOneWithoutDemandTheMinimum() {
        Map<IsoWeek, Need> need = Map.of(FIRST, new Need(15, Basis.DEMAND_SHARE), FIRST.plusWeeks(1),
                new Need(2, Basis.DEMAND_SHARE));
        List<ScheduleLine> lines = ScheduleLines.plan(contract(), FIRST, 3, 2,
                week -> need.getOrDefault(week, Need.NONE), Map.of());

        assertThat(lines).extracting(l -> l.packs).containsExactly(15, 6, 6);
        assertThat(lines).extracting(l -> l.basis)
                .containsExactly(Basis.DEMAND_SHARE, Basis.DEMAND_SHARE, Basis.FLEX_MINIMUM);
    }

    @Test
    void aWeekFirmInThePreviousRevisionKeepsItsPacks() {
        ScheduleLine firm = new ScheduleLine("2027-W11", 20, LineKind.FIRM, 6, 20, Basis.ALLOCATION);
        List<ScheduleLine> lines = ScheduleLines.plan(contract(), FIRST.plusWeeks(1), 3, 2,
                week -> new Need(12, Basis.DEMAND_SHARE), Map.of("2027-W11", firm));

        assertThat(lines).extracting(l -> l.packs).containsExactly(20, 12, 0);
        assertThat(lines.get(0).basis).isEqualTo(Basis.ALLOCATION);
        assertThat(lines).extracting(l -> l.kind).containsExactly(LineKind.FIRM, LineKind.FIRM, LineKind.FORECAST);
    }
}
