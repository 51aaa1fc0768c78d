package com.busanev.production.sequence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A day's line sequence: its cars in line order and the counts it is judged on (ratio violations by priority,
 * colour changes, paint batches over the limit - 0 unless no valid sequence exists - and the weighted objective).
 */
public record SequenceView(LocalDate day, boolean frozen, int cars, long highPriorityViolations,
        long lowPriorityViolations, long colourChanges, long paintBatchesOverLimit, long objective, int rulesVersion,
        Instant computedAt, Instant frozenAt, List<Position> positions) {

    /** One car: a Polestar build (order id, variant, option packs) or a plant vehicle (ident, option codes). */
    public record Position(int position, UUID orderId, String plantVehicle, String colour, String variant,
            List<String> options) {
    }

    static SequenceView of(LineSequence sequence, List<SequencedCar> cars) {
        List<Position> positions = new java.util.ArrayList<>(cars.size());
        for (int i = 0; i < cars.size(); i++) {
            SequencedCar car = cars.get(i);
            positions.add(new Position(i + 1, car.orderId(), car.plantVehicle(), car.colour(), car.variant(), car.options()));
        }
        return new SequenceView(sequence.day, sequence.frozenAt != null, sequence.carCount,
                sequence.highPriorityViolations, sequence.lowPriorityViolations, sequence.colourChanges,
                sequence.paintBatchesOverLimit, sequence.objective, sequence.rulesVersion, sequence.computedAt,
                sequence.frozenAt, positions);
    }
}
