package com.busanev.kit;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.CancelRefused;
import com.busanev.events.IsoWeek;
import com.busanev.events.OrderCancelRefused;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.OrderCancelled;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.SequenceFrozen;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.ShortageAlert;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event payloads go through the contract's own ObjectMapper (EventJson), which Quarkus cannot see at build
 * time; a native image needs their constructors and accessors registered, and the enums they carry (Jackson
 * reads an enum's fields for naming annotations).
 */
@RegisterForReflection(targets = {OrderPlaced.class, OrderCancelRequested.class, OrderCancelled.class,
        OrderCancelRefused.class, BuildScheduled.class, BuildBlocked.class, BuildRescheduled.class, BuildStarted.class,
        VehicleBuilt.class, BuildCancelled.class, CancelRefused.class, SequenceFrozen.class, PacksAllocated.class, PackSource.class,
        ShortageAlert.class, ShipmentBooked.class, ShipmentDelayed.class, ShipmentDeparted.class, ShipmentArrived.class,
        IsoWeek.class, BlockReason.class, Region.class, TransportMode.class})
public final class NativeReflection {
    private NativeReflection() {
    }
}
