package com.busanev.production.pack;

import com.busanev.events.PacksReceived;
import com.busanev.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
     * Up to {@code count} packs in stock that a car for {@code market} may take, oldest receipt first, rows locked:
     * the line simulator scans these. The caller takes them ({@link #take}) before asking for another market's.
     */
    public Uni<List<ReceivedPack>> available(String market, int count) {
        return ReceivedPack.<ReceivedPack>find("orderId is null and allowedMarkets like ?1 order by receivedOn, serial",
                ReceivedPack.pattern(market)).page(0, count).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static ProblemException refused(String serial, String reason) {
        return new ProblemException(409, "Pack refused", "Pack " + serial + " cannot be built in: " + reason + ".",
                List.of());
    }
}
