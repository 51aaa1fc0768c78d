package com.busanev.production.build;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.timeTexts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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
import java.util.Objects;
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

    private static final String INSERT_ALL = """
            INSERT INTO build (order_id, brand, market, region, variant, exterior_colour, option_packs, requested_week,
                               priority, placed_at, status, planned_date, blocked_reason, blocked_week, blocked_detail,
                               version)
            SELECT *, 0 FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]),
                                    CAST(CAST(?9 AS text[]) AS integer[]), CAST(CAST(?10 AS text[]) AS timestamptz[]),
                                    CAST(?11 AS text[]), CAST(CAST(?12 AS text[]) AS date[]), CAST(?13 AS text[]),
                                    CAST(?14 AS text[]), CAST(?15 AS text[]))""";

    /**
     * Inserts new builds (placed, and scheduled or blocked, never started) with one statement, in the caller's
     * transaction: the planner's batch of new orders as entities went through Hibernate's persistence context a row
     * at a time.
     */
    public static Uni<Void> insertAll(List<Build> builds) {
        if (builds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, uuids(builds, build -> build.orderId))
                .setParameter(2, texts(builds, build -> build.brand))
                .setParameter(3, texts(builds, build -> build.market))
                .setParameter(4, texts(builds, build -> build.region.name()))
                .setParameter(5, texts(builds, build -> build.variant))
                .setParameter(6, texts(builds, build -> build.exteriorColour))
                .setParameter(7, texts(builds, build -> build.optionPacks))
                .setParameter(8, texts(builds, build -> build.requestedWeek))
                .setParameter(9, texts(builds, build -> Integer.toString(build.priority)))
                .setParameter(10, timeTexts(builds, build -> build.placedAt))
                .setParameter(11, texts(builds, build -> build.status.name()))
                .setParameter(12, texts(builds, build -> Objects.toString(build.plannedDate, null)))
                .setParameter(13, texts(builds, build -> build.blockedReason == null ? null : build.blockedReason.name()))
                .setParameter(14, texts(builds, build -> build.blockedWeek))
                .setParameter(15, texts(builds, build -> build.blockedDetail))
                .executeUpdate()).replaceWithVoid();
    }

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
