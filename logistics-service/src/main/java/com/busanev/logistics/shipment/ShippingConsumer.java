package com.busanev.logistics.shipment;

import com.busanev.events.EventType;
import com.busanev.events.OrderCancelled;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Built cars to book, cancelled orders to release. */
@ApplicationScoped
public class ShippingConsumer {
    private final EventConsumer consumer;
    private final Bookings bookings;

    ShippingConsumer(EventConsumer consumer, Bookings bookings) {
        this.consumer = consumer;
        this.bookings = bookings;
    }

    @Incoming("production-events")
    Uni<Void> onProduction(Message<String> message) {
        return consumer.consume(message, Set.of(EventType.VEHICLE_BUILT), this::apply);
    }

    @Incoming("order-events")
    Uni<Void> onOrder(Message<String> message) {
        return consumer.consume(message, Set.of(EventType.ORDER_CANCELLED), this::apply);
    }

    Uni<Void> apply(IncomingEvent event) {
        if (event.payload() instanceof VehicleBuilt built) {
            return bookings.vehicleBuilt(built);
        }
        if (event.payload() instanceof OrderCancelled cancelled) {
            return bookings.cancel(cancelled.orderId());
        }
        return Uni.createFrom().voidItem();
    }
}
