package com.busanev.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTypeTest {
    @Test
    void everyPayloadRecordHasExactlyOneType() {
        assertThat(DomainEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::payloadType).toList());
    }

    @Test
    void ceTypeRoundTrips() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromCeType(type.ceType())).contains(type);
        }
        assertThat(EventType.ORDER_PLACED.ceType()).isEqualTo("com.busanev.OrderPlaced.v1");
        assertThat(EventType.fromCeType("com.busanev.OrderPlaced.v2")).isEmpty();
    }

    @Test
    void payloadsRoundTripThroughJsonWithIsoDates() throws Exception {
        UUID id = UUID.randomUUID();
        BuildScheduled scheduled = new BuildScheduled(id, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR",
                LocalDate.of(2027, 3, 2), "2027-W09", Instant.parse("2027-02-01T00:00:00Z"));
        String json = EventJson.mapper().writeValueAsString(scheduled);
        assertThat(json).contains("\"plannedDate\":\"2027-03-02\"").contains("\"scheduledAt\":\"2027-02-01T00:00:00Z\"");
        assertThat(EventJson.mapper().readValue(json, BuildScheduled.class)).isEqualTo(scheduled);
        assertThat(scheduled.eventType()).isEqualTo(EventType.BUILD_SCHEDULED);
        assertThat(scheduled.subject()).isEqualTo(id.toString());
    }

    @Test
    void theCancelSagaKeepsToTheOrdersPartition() {
        UUID id = UUID.randomUUID();
        List<DomainEvent> saga = List.of(
                new OrderCancelRequested(id, "polestar", null, Instant.EPOCH),
                new BuildCancelled(id, null, null, Instant.EPOCH),
                new CancelRefused(id, "build started at 2027-03-02T08:00:00Z", Instant.EPOCH),
                new OrderCancelled(id, "polestar", null, Instant.EPOCH),
                new OrderCancelRefused(id, "polestar", "build started at 2027-03-02T08:00:00Z", Instant.EPOCH));
        assertThat(saga).allSatisfy(event -> assertThat(event.subject()).isEqualTo(id.toString()));
        assertThat(saga).extracting(event -> event.eventType().topic()).containsExactly(Topics.ORDER_EVENTS,
                Topics.PRODUCTION_EVENTS, Topics.PRODUCTION_EVENTS, Topics.ORDER_EVENTS, Topics.ORDER_EVENTS);
    }

    @Test
    void theChangeSagaKeepsToTheOrdersPartition() {
        UUID id = UUID.randomUUID();
        UUID change = UUID.randomUUID();
        List<DomainEvent> saga = List.of(
                new OrderChangeRequested(id, change, "polestar", "SNOW", "ZINC_NAPPA_LEATHER", "ALLOY_21",
                        List.of("PLUS"), "CA", Region.NA, Instant.EPOCH),
                new BuildChanged(id, change, "CA", Region.NA, "SNOW", List.of("PLUS"), null, null, false, Instant.EPOCH),
                new BuildChangeRefused(id, change, "past the freeze point", Instant.EPOCH),
                new OrderChanged(id, change, "polestar", "SNOW", "ZINC_NAPPA_LEATHER", "ALLOY_21", List.of("PLUS"), "CA",
                        null, false, Instant.EPOCH),
                new OrderChangeRefused(id, change, "polestar", "past the freeze point", Instant.EPOCH));
        assertThat(saga).allSatisfy(event -> assertThat(event.subject()).isEqualTo(id.toString()));
        assertThat(saga).extracting(event -> event.eventType().topic()).containsExactly(Topics.ORDER_EVENTS,
                Topics.PRODUCTION_EVENTS, Topics.PRODUCTION_EVENTS, Topics.ORDER_EVENTS, Topics.ORDER_EVENTS);
    }

    @Test
    void supplyEventsAreKeyedByWeekAndRegion() {
        PacksAllocated allocated = new PacksAllocated("2027-W09", Region.EU, 12, List.of(), Instant.EPOCH);
        assertThat(allocated.subject()).isEqualTo("2027-W09/EU");
    }

    @Test
    void unknownFieldsAreToleratedButMissingPrimitivesAreNot() {
        assertThatThrownBy(() -> EventJson.mapper().readValue(
                "{\"week\":\"2027-W09\",\"region\":\"EU\",\"sources\":[],\"allocatedAt\":\"2027-01-01T00:00:00Z\"}",
                PacksAllocated.class)).hasMessageContaining("packs");
    }
}
