package com.busanev.order.order;

import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A brand's order for one Polestar 4, and what the chain has reported about it so far (which the order tracker reads
 * and writes as {@link OrderProgress}).
 */
@Entity
@Table(name = "orders")
@SqlResultSetMapping(name = OrderProgress.MAPPING, classes = @ConstructorResult(targetClass = OrderProgress.class,
        columns = {@ColumnResult(name = "id", type = UUID.class), @ColumnResult(name = "status", type = String.class),
                @ColumnResult(name = "status_at", type = Instant.class),
                @ColumnResult(name = "planned_date", type = LocalDate.class),
                @ColumnResult(name = "blocked_reason", type = String.class), @ColumnResult(name = "vin", type = String.class),
                @ColumnResult(name = "voyage_id", type = UUID.class), @ColumnResult(name = "vessel", type = String.class),
                @ColumnResult(name = "transport_mode", type = String.class),
                @ColumnResult(name = "destination_port", type = String.class),
                @ColumnResult(name = "eta", type = Instant.class), @ColumnResult(name = "hold_reason", type = String.class),
                @ColumnResult(name = "held_at", type = Instant.class)}))
public class Order extends PanacheEntityBase {
    @Id
    public UUID id;
    public String brand;
    @Column(name = "brand_reference")
    public String brandReference;
    public String model;
    public String variant;
    @Column(name = "exterior_colour")
    public String exteriorColour;
    public String interior;
    /** Comma-separated {@link Polestar4.OptionPack} names, in request order. */
    @Column(name = "option_packs")
    public String optionPacks;
    public String wheels;
    public String market;
    @Enumerated(EnumType.STRING)
    public Region region;
    @Column(name = "requested_week")
    public String requestedWeek;
    public int priority;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    /** When the event that set the status happened: decides between SCHEDULED and BLOCKED reported out of order. */
    @Column(name = "status_at")
    public Instant statusAt;
    @Column(name = "planned_date")
    public LocalDate plannedDate;
    @Column(name = "blocked_reason")
    public String blockedReason;
    public String vin;
    @Column(name = "voyage_id")
    public UUID voyageId;
    public String vessel;
    @Column(name = "transport_mode")
    public String transportMode;
    @Column(name = "destination_port")
    public String destinationPort;
    public Instant eta;
    /** Why logistics holds the built car (ShipmentHeld), and since when; null when not held. */
    @Column(name = "hold_reason")
    public String holdReason;
    @Column(name = "held_at")
    public Instant heldAt;
    /** The build week promised at placement (null when the promise model had no room for the order). */
    @Column(name = "promised_week")
    public String promisedWeek;
    /** The delivery window promised at placement; null when no sailing was known then. */
    @Column(name = "promised_from")
    public Instant promisedFrom;
    @Column(name = "promised_to")
    public Instant promisedTo;
    /** The brand's cancel request and its outcome; null while none was made. */
    @Embedded
    public Cancellation cancellation;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public List<String> optionPackList() {
        return optionPacks.isEmpty() ? List.of() : Arrays.asList(optionPacks.split(","));
    }
}
