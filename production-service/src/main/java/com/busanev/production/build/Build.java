package com.busanev.production.build;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Polestar 4 order on its way through the Busan line. */
@Entity
@Table(name = "build")
@SqlResultSetMapping(name = DueBuild.MAPPING, classes = @ConstructorResult(targetClass = DueBuild.class, columns = {
        @ColumnResult(name = "order_id", type = UUID.class), @ColumnResult(name = "brand", type = String.class),
        @ColumnResult(name = "variant", type = String.class), @ColumnResult(name = "market", type = String.class),
        @ColumnResult(name = "region", type = String.class),
        @ColumnResult(name = "planned_date", type = LocalDate.class)}))
public class Build extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public UUID orderId;
    public String brand;
    public String market;
    @Enumerated(EnumType.STRING)
    public Region region;
    public String variant;
    /** The paint colour; null for orders placed before OrderPlaced carried it. */
    @Column(name = "exterior_colour")
    public String exteriorColour;
    /** Option pack codes, comma-separated (codes hold no comma), as order-service keeps them. */
    @Column(name = "option_packs")
    public String optionPacks;
    @Column(name = "requested_week")
    public String requestedWeek;
    public int priority;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Enumerated(EnumType.STRING)
    public BuildStatus status;
    @Column(name = "planned_date")
    public LocalDate plannedDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "blocked_reason")
    public BlockReason blockedReason;
    @Column(name = "blocked_week")
    public String blockedWeek;
    @Column(name = "blocked_detail")
    public String blockedDetail;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String vin;
    @Column(name = "pack_serial")
    public String packSerial;
    @Column(name = "pack_supplier")
    public String packSupplier;
    public Integer defects;
    @Column(name = "co2_kg")
    public Double co2Kg;
    @Version
    public int version;

    /** What an order change may change of a build: market (within its region), paint colour and option packs. */
    public record Spec(String market, String exteriorColour, List<String> optionPacks) {
    }

    public Spec spec() {
        return new Spec(market, exteriorColour, optionPackList());
    }

    public void respecify(Spec spec) {
        market = spec.market();
        exteriorColour = spec.exteriorColour();
        optionPacks = String.join(",", spec.optionPacks());
    }

    public List<String> optionPackList() {
        return optionPacks == null || optionPacks.isEmpty() ? List.of() : List.of(optionPacks.split(","));
    }

    /** The first day the plant may build it: the requested week's Monday, never before {@code earliest}. */
    public LocalDate notBefore(LocalDate earliest) {
        return notBefore(requestedWeek, earliest);
    }

    /** The first day a build requested for {@code requestedWeek} (or none) may be built, never before {@code earliest}. */
    public static LocalDate notBefore(String requestedWeek, LocalDate earliest) {
        if (requestedWeek == null) {
            return earliest;
        }
        LocalDate monday = IsoWeek.parse(requestedWeek).monday();
        return monday.isAfter(earliest) ? monday : earliest;
    }
}
