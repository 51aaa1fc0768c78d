package com.busanev.supplier.passport;

import com.busanev.events.BatteryPassportIssued;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractTerms;
import com.busanev.supplier.contract.ContractVersion;
import com.busanev.supplier.contract.Contracts;
import com.busanev.supplier.stock.Delivery;
import com.busanev.supplier.stock.Pack;
import com.busanev.supplier.stock.PackConsumption.BuiltPack;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Battery passports: the document of a pack, its versions, and {@link BatteryPassportIssued} for every built car whose
 * passport changes (built in, or its contract's passport facts amended before the car left). The writing methods run
 * in the caller's transaction, so a change and its event commit together.
 */
@ApplicationScoped
public class Passports {
    /** Why a passport got a new version. */
    public enum Reason {
        SHIPPED, BUILT, AMENDED
    }

    /** One version of a passport: when, why, which contract version's facts, and whether they were complete. */
    public record VersionView(int version, Instant issuedAt, Reason reason, int contractVersion, boolean complete,
            List<String> missing) {
    }

    private static final String PATH = "/passports/";
    private static final String LOG_BUILT = """
            INSERT INTO passport_version (serial, version, reason, contract_version, issued_at)
            SELECT s, v, 'BUILT', c, ?4
            FROM unnest(cast(?1 AS text[]), cast(?2 AS int[]), cast(?3 AS int[])) AS t (s, v, c)""";
    /**
     * An amendment of the passport facts: every pack of the contract not gone in a car (in transit, in stock, built in
     * and not shipped) shows the new facts as a new version; the built ones are announced. One statement however many.
     */
    private static final String AMEND = """
            WITH changed AS (
                UPDATE pack SET passport_version = passport_version + 1, passport_contract_version = ?2
                WHERE contract_id = ?1 AND shipped_at IS NULL AND status <> 'MISSING'
                RETURNING serial, passport_version, status, order_id, vin, market),
            logged AS (
                INSERT INTO passport_version (serial, version, reason, contract_version, issued_at)
                SELECT serial, passport_version, 'AMENDED', ?2, ?3 FROM changed)
            SELECT serial, passport_version, CAST(order_id AS text), vin, market FROM changed WHERE status = 'CONSUMED'""";
    private static final String SHIPPED = """
            UPDATE pack SET shipped_at = CAST(car.departed_at AS timestamptz)
            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[])) AS car(order_id, departed_at)
            WHERE pack.order_id = car.order_id AND pack.status = 'CONSUMED' AND pack.shipped_at IS NULL""";

    private final Contracts contracts;
    private final Outbox outbox;
    private final PassportConfig config;
    private final Clock clock;

    Passports(Contracts contracts, Outbox outbox, PassportConfig config, Clock clock) {
        this.contracts = contracts;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** The public address of a pack's passport (its QR code). */
    public String url(String serial) {
        return config.publicBaseUrl().replaceAll("/+$", "") + PATH + serial;
    }

    /** The pack (404 if unknown): every pack has a passport, whoever asks. */
    Uni<Pack> pack(String serial) {
        return Pack.<Pack>findById(serial).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No battery passport for pack " + serial + "."));
    }

    /** The pack's current passport as {@code level} may read it. */
    Uni<BatteryPassport> document(Pack pack, AccessLevel level) {
        return Delivery.<Delivery>findById(pack.deliveryId).chain(delivery -> terms(pack.contractId)
                .chain(terms -> lastUpdated(pack, delivery).map(updated -> {
                    boolean stated = delivery.manufacturedOn != null;
                    LocalDate made = stated ? delivery.manufacturedOn : LocalDate.ofInstant(delivery.createdAt, clock.getZone());
                    return BatteryPassport.of(new BatteryPassport.Source(pack, terms.get(pack.passportContractVersion),
                            delivery.id, made, stated, updated), url(pack.serial), level);
                })));
    }

    /** Every version of the pack's passport, newest first; the first is its shipping notice's. */
    Uni<List<VersionView>> versions(Pack pack) {
        return Delivery.<Delivery>findById(pack.deliveryId).chain(delivery -> terms(pack.contractId)
                .chain(terms -> PassportVersion.<PassportVersion>list("serial", pack.serial).map(later -> Stream.concat(
                                Stream.of(view(1, delivery.createdAt, Reason.SHIPPED, delivery.contractVersion, terms)),
                                later.stream().map(v -> view(v.version, v.issuedAt, v.reason, v.contractVersion, terms)))
                        .sorted(Comparator.comparingInt(VersionView::version).reversed()).toList())));
    }

    /** The built packs' passports (their new version) are logged and announced. */
    public Uni<Void> built(List<BuiltPack> packs) {
        if (packs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Panache.getSession().chain(s -> s.createNativeQuery(LOG_BUILT)
                        .setParameter(1, packs.stream().map(BuiltPack::serial).toArray(String[]::new))
                        .setParameter(2, packs.stream().map(BuiltPack::passportVersion).toArray(Integer[]::new))
                        .setParameter(3, packs.stream().map(BuiltPack::contractVersion).toArray(Integer[]::new))
                        .setParameter(4, now).executeUpdate())
                .chain(() -> announce(packs, now));
    }

    /**
     * After an amendment of {@code contract}: if what its passports show changed (pack facts, carbon declaration,
     * passport facts), each pack not gone in a car shows the new version; each built car's is announced again.
     */
    public Uni<Void> amended(Contract contract, ContractTerms before) {
        if (shown(before).equals(shown(contract.terms()))) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Panache.getSession().chain(s -> s.createNativeQuery(AMEND, Object[].class)
                        .setParameter(1, contract.id).setParameter(2, contract.version).setParameter(3, now).getResultList())
                .chain(rows -> announce(rows.stream().map(row -> new BuiltPack((String) row[0], ((Number) row[1]).intValue(),
                        contract.id, contract.version, UUID.fromString((String) row[2]), (String) row[3], (String) row[4]))
                        .toList(), now));
    }

    /**
     * The cars of these orders left on a voyage (order id to departure; a car departs once): their packs' passport
     * facts stay as they are from now on. One statement however many.
     */
    public Uni<Void> shipped(Map<UUID, Instant> departures) {
        if (departures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<UUID, Instant>> cars = List.copyOf(departures.entrySet());
        return Panache.getSession().chain(s -> s.createNativeQuery(SHIPPED)
                .setParameter(1, cars.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                .setParameter(2, cars.stream().map(car -> car.getValue().toString()).toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> announce(List<BuiltPack> packs, Instant now) {
        if (packs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one query per contract of the packs (a batch of cars has a few), one after the other on the session
        return Multi.createFrom().iterable(packs.stream().map(BuiltPack::contractId).distinct().toList())
                .onItem().transformToUniAndConcatenate(this::terms)
                .collect().asMap(Facts::contractId)
                .chain(facts -> Panache.getSession().chain(s -> s.persistAll(packs.stream().map(p -> {
                    List<String> missing = BatteryPassport.missing(facts.get(p.contractId()).get(p.contractVersion()));
                    return outbox.rowOf(new BatteryPassportIssued(p.orderId(), p.vin(), p.market(), p.serial(),
                            url(p.serial()), p.passportVersion(), missing.isEmpty(), missing, now));
                }).toArray())));
    }

    /** The terms of every version of a contract. */
    private record Facts(UUID contractId, Map<Integer, ContractTerms> byVersion) {
        ContractTerms get(int version) {
            return byVersion.get(version);
        }
    }

    private Uni<Facts> terms(UUID contractId) {
        return ContractVersion.<ContractVersion>list("contractId", contractId).map(versions -> new Facts(contractId,
                versions.stream().collect(Collectors.toMap(v -> v.version, v -> contracts.read(v.snapshot)))));
    }

    private Uni<Instant> lastUpdated(Pack pack, Delivery delivery) {
        return pack.passportVersion == 1 ? Uni.createFrom().item(delivery.createdAt)
                : PassportVersion.<PassportVersion>findById(new PassportVersion.Key(pack.serial, pack.passportVersion))
                        .map(v -> v.issuedAt);
    }

    private static VersionView view(int version, Instant at, Reason reason, int contractVersion, Facts terms) {
        List<String> missing = BatteryPassport.missing(terms.get(contractVersion));
        return new VersionView(version, at, reason, contractVersion, missing.isEmpty(), missing);
    }

    /** What of the terms a passport shows: a change of anything else (price, volumes, status) is no new version. */
    private static List<Object> shown(ContractTerms terms) {
        return Arrays.asList(terms.packSpec(), terms.cellOrigin(), terms.packOrigin(),
                terms.carbonFootprintKgCo2ePerKwh(), terms.passport());
    }
}
