package com.busanev.supplier.allocation;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.awaitConsumed;
import static com.busanev.supplier.SupplierApi.contract;
import static com.busanev.supplier.SupplierApi.delivery;
import static com.busanev.supplier.SupplierApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.events.VehicleBuilt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the planner reads of the packs built into cars: counted in the week of each car's demand, and only there. */
@QuarkusTest
class SupplyLedgerTest {
    /** Far beyond the weeks other tests look at. */
    private static final IsoWeek WEEK = IsoWeek.of(TODAY).plusWeeks(45);

    @Inject
    CurrencyRates rates;

    @Test
    void aPackBuiltIntoACarCountsInTheWeekOfTheCarsDemand() throws Throwable {
        String contract = contract("LGES", "ACTIVE", TODAY.minusDays(7).toString(), TODAY.plusYears(2).toString(), "0",
                "999.00", "USD", "KR", "61.5");
        as(PROCUREMENT).body(delivery(2, "LGLEDG-000001", "LGLEDG-000002", TODAY))
                .post("/api/v1/contracts/" + contract + "/deliveries").then().statusCode(201);
        UUID planned = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        publish(new BuildScheduled(planned, "US", Region.NA, "Polestar 4 Long range", WEEK.monday(), WEEK.toString(),
                Instant.now()));
        publish(new VehicleBuilt(planned, "polestar", "VINLEDG1", "US", Region.NA, "LGLEDG-000001", "LGES", 0, 1400.0,
                Instant.now()));
        // a car whose demand this service never heard of counts in no week (both packs leave the stock: no supply for
        // other tests' weeks)
        publish(new VehicleBuilt(unknown, "polestar", "VINLEDG2", "US", Region.NA, "LGLEDG-000002", "LGES", 0, 1400.0,
                Instant.now()));
        awaitConsumed(List.of("LGLEDG-000001", "LGLEDG-000002"));

        SupplyLedger ledger = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> SupplyLedger.load(WEEK.plusWeeks(-1), WEEK.plusWeeks(1), IsoWeek.of(TODAY), rates)));
        assertThat(ledger.consumed().get(UUID.fromString(contract))).containsExactly(entry(WEEK, 1));
        SupplyLedger before = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> SupplyLedger.load(WEEK.plusWeeks(-3), WEEK.plusWeeks(-1), IsoWeek.of(TODAY), rates)));
        assertThat(before.consumed()).doesNotContainKey(UUID.fromString(contract));
    }
}
