package com.busanev.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListFilterTest {
    private static final UUID ORDER = UUID.fromString("4f1c2b7e-0000-4000-8000-000000000001");

    @Test
    void withoutConditionsTheQueryIsEmptySoPanacheReadsTheWholeTable() {
        ListFilter filter = ListFilter.all()
                .and("status = :status", "status", null)
                .andIf(false, "delayedAt is not null");

        assertThat(filter.query()).isEmpty();
        assertThat(filter.parameters().map()).isEmpty();
    }

    @Test
    void addsOnlyTheConditionsGiven() {
        ListFilter filter = ListFilter.all()
                .and("brand = :brand", "brand", "POLESTAR")
                .and("orderId = :orderId", "orderId", null)
                .and("vin = :vin", "vin", null)
                .andIf(true, "delayedAt is not null");

        assertThat(filter.query()).isEqualTo("brand = :brand and delayedAt is not null");
        assertThat(filter.parameters().map()).containsOnly(Map.entry("brand", "POLESTAR"));
    }

    @Test
    void combinesEveryConditionWithAndInTheOrderAdded() {
        ListFilter filter = ListFilter.all()
                .and("brand = :brand", "brand", "POLESTAR")
                .and("orderId = :orderId", "orderId", ORDER)
                .andIf(true, "delayedAt is not null")
                .and("createdAt >= :createdFrom", "createdFrom", 7);

        assertThat(filter.query())
                .isEqualTo("brand = :brand and orderId = :orderId and delayedAt is not null and createdAt >= :createdFrom");
        assertThat(filter.parameters().map())
                .containsOnly(Map.entry("brand", "POLESTAR"), Map.entry("orderId", ORDER), Map.entry("createdFrom", 7));
    }

    @Test
    void isImmutableSoABaseFilterCanBeShared() {
        ListFilter scoped = ListFilter.all().and("brand = :brand", "brand", "POLESTAR");

        ListFilter narrower = scoped.and("status = :status", "status", "PLACED");
        scoped.parameters().and("leaked", 1);

        assertThat(scoped.query()).isEqualTo("brand = :brand");
        assertThat(scoped.parameters().map()).containsOnlyKeys("brand");
        assertThat(narrower.query()).isEqualTo("brand = :brand and status = :status");
        assertThat(ListFilter.all().query()).isEmpty();
    }

    @Test
    void refusesTheSameParameterTwiceRatherThanOverwriteIt() {
        ListFilter filter = ListFilter.all().and("createdAt >= :at", "at", 1);

        assertThatThrownBy(() -> filter.and("createdAt < :at", "at", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":at");
    }
}
