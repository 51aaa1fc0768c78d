package com.busanev.supplier.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stock arithmetic week by week: carry-over, inbound in its week, forecast beyond the confirmed weeks, built-in packs. */
class StockProjectionTest {
    private static final IsoWeek NOW = IsoWeek.parse("2027-W10");
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final List<SupplyLine> CONTRACTS = List.of(
            new SupplyLine(A, "LGES", 0, 10_000, "KR", 60.0), new SupplyLine(B, "CATL", 0, 8_000, "CN", null));

    @Test
    void leftoverStockCarriesOverAndInboundCountsFromItsWeek() {
        // A: 100 on hand, 40 due next week; nothing owed (only stock counts); B: nothing.
        StockProjection projection = new StockProjection(NOW, 2, CONTRACTS, (id, week) -> 0, Map.of(A, 100),
                Map.of(A, Map.of(NOW.plusWeeks(1), 40)), Map.of());
        Map<UUID, StockProjection.Part> now = projection.parts(NOW);
        assertThat(now.get(A)).isEqualTo(new StockProjection.Part(100, 0, 0, 0));
        assertThat(projection.supply(now)).extracting(SupplyLine::contractId, SupplyLine::packs).containsExactly(
                tuple(A, 100));
        projection.consume(NOW, now, List.of(new PackSource(A, "LGES", 70)));
        assertThat(projection.stock(A)).isEqualTo(30);

        Map<UUID, StockProjection.Part> next = projection.parts(NOW.plusWeeks(1));
        assertThat(next.get(A)).isEqualTo(new StockProjection.Part(30, 40, 0, 0));
        projection.consume(NOW.plusWeeks(1), next, List.of());
        assertThat(projection.stock(A)).as("nothing used: all of it carries over").isEqualTo(70);

        Map<UUID, StockProjection.Part> later = projection.parts(NOW.plusWeeks(2));
        projection.consume(NOW.plusWeeks(2), later, List.of(new PackSource(A, "LGES", 500)));
        assertThat(projection.stock(A)).as("never below zero").isZero();
    }

    @Test
    void theCommitmentIsForecastOnlyBeyondTheConfirmedWeeksAndDoesNotCarryOver() {
        // A owes 50 a week; 20 of them are on a notice due in week +2 (the first forecast week).
        StockProjection projection = new StockProjection(NOW, 2, CONTRACTS, (id, week) -> id.equals(A) ? 50 : 0,
                Map.of(A, 10), Map.of(A, Map.of(NOW.plusWeeks(2), 20)), Map.of());
        for (int i = 0; i < 2; i++) {
            Map<UUID, StockProjection.Part> confirmed = projection.parts(NOW.plusWeeks(i));
            assertThat(confirmed.get(A).forecast()).as("week +" + i + " counts stock and notices only").isZero();
            projection.consume(NOW.plusWeeks(i), confirmed, List.of());
        }
        Map<UUID, StockProjection.Part> forecast = projection.parts(NOW.plusWeeks(2));
        assertThat(forecast.get(A)).isEqualTo(new StockProjection.Part(10, 20, 30, 0));
        // 35 used: the 30 promised first, then 5 of the real packs; the promise not used does not carry over
        projection.consume(NOW.plusWeeks(2), forecast, List.of(new PackSource(A, "LGES", 35)));
        assertThat(projection.stock(A)).isEqualTo(25);
        Map<UUID, StockProjection.Part> unused = projection.parts(NOW.plusWeeks(3));
        projection.consume(NOW.plusWeeks(3), unused, List.of(new PackSource(A, "LGES", 10)));
        assertThat(projection.stock(A)).as("a week using less than its forecast keeps its stock").isEqualTo(25);
    }

    @Test
    void packsBuiltIntoCarsCountInTheWeekOfTheirCarAndAnOverdueWeekSeesTheStockOnHand() {
        StockProjection projection = new StockProjection(NOW, 2, CONTRACTS, (id, week) -> 0, Map.of(B, 8),
                Map.of(B, Map.of(NOW, 5)), Map.of(B, Map.of(NOW, 4, NOW.plusWeeks(-1), 2)));
        Map<UUID, StockProjection.Part> past = projection.parts(NOW.plusWeeks(-1));
        assertThat(past.get(B)).isEqualTo(new StockProjection.Part(8, 5, 0, 2));

        Map<UUID, StockProjection.Part> now = projection.parts(NOW);
        assertThat(now.get(B).total()).isEqualTo(17);
        // the week's 6 cars: 4 built already (their packs), 2 from stock
        projection.consume(NOW, now, List.of(new PackSource(B, "CATL", 6)));
        assertThat(projection.stock(B)).isEqualTo(11);
    }

    @Test
    void weeksFromTheCurrentOneAreProjectedInOrder() {
        StockProjection projection = new StockProjection(NOW, 2, CONTRACTS, (id, week) -> 0, Map.of(), Map.of(), Map.of());
        assertThatThrownBy(() -> projection.parts(NOW.plusWeeks(1))).isInstanceOf(IllegalStateException.class);
    }
}
