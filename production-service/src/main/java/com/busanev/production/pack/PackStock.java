package com.busanev.production.pack;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.events.PacksReceived;
import com.busanev.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The packs the plant may build with: a projection of supplier-service's receipts (PacksReceived), consumed by a
 * build's completion in the completion's own transaction. supplier-service owns the stock; it learns which car took
 * a pack from VehicleBuilt. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class PackStock {
    private static final String RECEIVE = """
            INSERT INTO received_pack (serial, supplier, contract_id, delivery_id, allowed_markets, received_on)
            SELECT s, ?2, ?3, ?4, ?5, ?6 FROM unnest(cast(?1 AS text[])) AS s ON CONFLICT (serial) DO NOTHING""";
    private static final String IN_STOCK = """
            SELECT serial, supplier FROM received_pack WHERE order_id IS NULL AND allowed_markets LIKE ?1
            ORDER BY received_on, serial LIMIT ?2 FOR UPDATE""";
    private static final String TAKE = """
            UPDATE received_pack p SET order_id = t.order_id, consumed_at = ?3
            FROM unnest(CAST(?1 AS text[]), CAST(?2 AS uuid[])) AS t(serial, order_id) WHERE p.serial = t.serial""";

    /** Adds the received packs; a receipt seen again (a replay under a new event id) adds nothing. */
    public Uni<Void> receive(List<PacksReceived> receipts) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (PacksReceived receipt : receipts) {
            all = all.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(RECEIVE)
                    .setParameter(1, receipt.serials().toArray(String[]::new)).setParameter(2, receipt.supplier())
                    .setParameter(3, receipt.contractId()).setParameter(4, receipt.deliveryId())
                    .setParameter(5, ReceivedPack.marketsColumn(receipt.allowedMarkets()))
                    .setParameter(6, receipt.receivedOn()).executeUpdate())).replaceWithVoid();
        }
        return all;
    }

    /**
     * Takes the scanned pack for the build of a car for {@code market}, the pack's row locked until the transaction
     * ends. Refused (409, naming the serial and why) unless it is a received pack, not in another car, that the
     * market's sourcing rule allows.
     */
    public Uni<ReceivedPack> take(String serial, UUID orderId, String market, Instant at) {
        return ReceivedPack.<ReceivedPack>findById(serial, LockModeType.PESSIMISTIC_WRITE).map(pack -> {
            if (pack == null) {
                throw refused(serial, "it is not a received pack: the serial is unknown, or its receipt has not reached "
                        + "the plant yet");
            }
            if (pack.orderId != null && !pack.orderId.equals(orderId)) {
                throw refused(serial, "it is already built into the car of order " + pack.orderId);
            }
            if (!pack.allows(market)) {
                throw refused(serial, pack.supplier + "'s pack may not go into a car for " + market
                        + ": the market's sourcing rule does not allow it (allowed: " + pack.allowedMarketList() + ")");
            }
            pack.orderId = orderId;
            pack.consumedAt = at;
            return pack;
        });
    }

    /**
     * Takes a pack in stock that a car for {@code market} may take for each of these builds, as far as the stock goes
     * (oldest receipt first), with two statements: the packs are read with their rows locked, then all marked taken.
     * Returns the builds that got one, with their pack. The line simulator's completions scan these; a market's packs
     * are taken before the next market asks, so no pack goes twice.
     */
    public Uni<List<TakenPack>> takeInStock(String market, List<UUID> orderIds, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(IN_STOCK,
                                session.getResultSetMapping(PackInStock.class, PackInStock.MAPPING))
                        .setParameter(1, ReceivedPack.pattern(market)).setParameter(2, orderIds.size())
                        .getResultList()
                        .map(stock -> IntStream.range(0, stock.size())
                                .mapToObj(i -> new TakenPack(orderIds.get(i), stock.get(i).serial(), stock.get(i).supplier()))
                                .toList())
                        .call(taken -> taken.isEmpty() ? Uni.createFrom().voidItem() : session.createNativeQuery(TAKE)
                                .setParameter(1, texts(taken, TakenPack::serial))
                                .setParameter(2, uuids(taken, TakenPack::orderId))
                                .setParameter(3, at.atOffset(ZoneOffset.UTC))
                                .executeUpdate()));
    }

    /** A pack in stock as {@link #IN_STOCK} reads it. */
    public record PackInStock(String serial, String supplier) {
        static final String MAPPING = "PackInStock";
    }

    /** The pack a build took. */
    public record TakenPack(UUID orderId, String serial, String supplier) {
    }

    private static ProblemException refused(String serial, String reason) {
        return new ProblemException(409, "Pack refused", "Pack " + serial + " cannot be built in: " + reason + ".",
                List.of());
    }
}
