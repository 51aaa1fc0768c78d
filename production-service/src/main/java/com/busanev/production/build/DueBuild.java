package com.busanev.production.build;

import com.busanev.events.Region;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A build as the line simulator's batched statements read it ({@link PlantFloor#startDue}, {@link
 * PlantFloor#completeDue}): what its BuildStarted or VehicleBuilt needs, through the {@code @SqlResultSetMapping}
 * {@link #MAPPING} on {@link Build}.
 */
public record DueBuild(UUID orderId, String brand, String variant, String market, Region region, LocalDate plannedDate) {
    static final String MAPPING = "DueBuild";
    /** The columns of a row, in the mapping's order. */
    static final String COLUMNS = "order_id, brand, variant, market, region, planned_date";

    /** A row of the mapping: the region as the column holds it. */
    public DueBuild(UUID orderId, String brand, String variant, String market, String region, LocalDate plannedDate) {
        this(orderId, brand, variant, market, Region.valueOf(region), plannedDate);
    }
}
