package com.busanev.logistics.voyage;

import java.util.List;
import java.util.UUID;

/** What a voyage carries: the cars, and for a container service which container holds which. */
public record Manifest(VoyageView voyage, List<Car> cars, List<Container> containers) {
    public record Car(UUID orderId, String vin, String market, String containerId, String status) {
    }

    public record Container(String id, List<String> vins) {
    }
}
