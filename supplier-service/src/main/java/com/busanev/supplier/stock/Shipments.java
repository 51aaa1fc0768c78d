package com.busanev.supplier.stock;

import com.busanev.events.IsoWeek;
import com.busanev.events.PacksReceived;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.supplier.allocation.SourcingRules;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Advance shipping notices and their receipts: a notice puts its packs in transit (confirmed inbound), a receipt
 * turns the packs that arrived into stock and announces them ({@link PacksReceived}) to the plant floor. Each method
 * runs in the caller's transaction.
 */
@ApplicationScoped
public class Shipments {
    private static final String INSERT_PACKS = """
            INSERT INTO pack (serial, supplier_code, contract_id, delivery_id, status, passport_contract_version)
            SELECT s, ?2, ?3, ?4, 'IN_TRANSIT', ?5 FROM unnest(cast(?1 AS text[])) AS s ON CONFLICT (serial) DO NOTHING""";
    private static final String TAKEN = """
            SELECT serial, supplier_code, CAST(delivery_id AS text) FROM pack
            WHERE serial = ANY(cast(?1 AS text[])) AND delivery_id <> ?2 ORDER BY serial LIMIT 1""";
    private static final String IN_TRANSIT = "SELECT serial FROM pack WHERE delivery_id = ?1 AND status = 'IN_TRANSIT' ORDER BY serial";
    private static final String LISTED = "SELECT serial, status FROM pack WHERE delivery_id = ?1 AND serial = ANY(cast(?2 AS text[]))";
    private static final String RECEIVE = """
            UPDATE pack SET status = 'RECEIVED', received_on = ?2, contract_version = ?3
            WHERE delivery_id = ?1 AND status = 'IN_TRANSIT' AND serial = ANY(cast(?4 AS text[]))""";
    private static final String MISSING = "UPDATE pack SET status = 'MISSING' WHERE delivery_id = ?1 AND status = 'IN_TRANSIT'";

    private final SourcingRules rules;
    private final Outbox outbox;
    private final Clock clock;

    Shipments(SourcingRules rules, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the notice of {@code request}'s packs, due on its day within the contract's term. */
    public Uni<Delivery> announce(Contract contract, AsnRequest request, String user) {
        if (contract.status == ContractStatus.DRAFT) {
            return draft(contract);
        }
        List<Violation> violations = new ArrayList<>();
        Optional<List<String>> serials = SerialsRequest.expand(request.ranges(), request.serials(), violations);
        if (serials.filter(List::isEmpty).isPresent()) {
            violations.add(new Violation("ranges", "a notice ships at least one pack (ranges or serials)"));
        }
        if (request.expectedOn().isBefore(contract.validFrom) || request.expectedOn().isAfter(contract.validTo)) {
            violations.add(new Violation("expectedOn", "must be within the contract term " + contract.validFrom
                    + " to " + contract.validTo));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("The shipping notice is not valid.", violations));
        }
        if (request.manufacturedOn() != null && request.manufacturedOn().isAfter(request.expectedOn())) {
            return Uni.createFrom().failure(ProblemException.badRequest("manufacturedOn", "must not be after expectedOn"));
        }
        return announce(contract, serials.get(), request.expectedOn(), request.manufacturedOn(), user, null);
    }

    /**
     * Ships the serials on a new notice due {@code expectedOn} (the contract is not a draft). Serials are unique across
     * suppliers: one already known is a 409 (a notice sent twice never counts its packs twice). {@code legacy} keeps the
     * range of a one-step delivery.
     */
    Uni<Delivery> announce(Contract contract, List<String> serials, LocalDate expectedOn, LocalDate manufacturedOn,
            String user, SerialRange legacy) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.contractId = contract.id;
        delivery.packs = serials.size();
        delivery.status = DeliveryStatus.IN_TRANSIT;
        delivery.serialFrom = serials.stream().min(String::compareTo).orElseThrow();
        delivery.serialTo = serials.stream().max(String::compareTo).orElseThrow();
        if (legacy != null) {
            delivery.serialPrefix = legacy.prefix();
            delivery.serialFirst = legacy.first();
            delivery.serialLast = legacy.last();
        }
        delivery.expectedOn = expectedOn;
        delivery.manufacturedOn = manufacturedOn;
        delivery.week = IsoWeek.of(expectedOn).toString();
        delivery.contractVersion = contract.version;
        delivery.confirmedBy = user;
        delivery.createdAt = clock.instant();
        String[] array = serials.toArray(String[]::new);
        return delivery.<Delivery>persistAndFlush()
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(INSERT_PACKS)
                        .setParameter(1, array).setParameter(2, contract.supplierCode).setParameter(3, contract.id)
                        .setParameter(4, delivery.id).setParameter(5, contract.version).executeUpdate()))
                .chain(inserted -> inserted == serials.size() ? Uni.createFrom().item(delivery)
                        : taken(array, delivery.id, contract.supplierCode).chain(Uni.createFrom()::failure));
    }

    /**
     * Packs shipped and received in one step (the delivery confirmation before notices): the range must hold exactly
     * {@code packs} serials, the day be within the term and not in the future.
     */
    public Uni<Delivery> deliver(Contract contract, DeliveryRequest request, String user) {
        if (contract.status == ContractStatus.DRAFT) {
            return draft(contract);
        }
        List<Violation> violations = new ArrayList<>();
        Optional<SerialRange> range = SerialRange.of(request.serialFrom(), request.serialTo(), "serialTo", violations);
        range.filter(r -> r.count() != request.packs()).ifPresent(r -> violations.add(
                new Violation("packs", "the serial range holds " + r.count() + " packs")));
        if (request.manufacturedOn() != null && request.manufacturedOn().isAfter(request.deliveredOn())) {
            violations.add(new Violation("manufacturedOn", "must not be after deliveredOn"));
        }
        if (request.deliveredOn().isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("deliveredOn", "must not be in the future"));
        } else if (request.deliveredOn().isBefore(contract.validFrom) || request.deliveredOn().isAfter(contract.validTo)) {
            violations.add(new Violation("deliveredOn", "must be within the contract term " + contract.validFrom
                    + " to " + contract.validTo));
        }
        if (!violations.isEmpty() || range.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("The delivery is not valid.", violations));
        }
        return announce(contract, range.get().serials(), request.deliveredOn(), request.manufacturedOn(), user, range.get())
                .chain(asn -> receive(asn, contract, new ReceiptRequest(request.deliveredOn(), null, null, false)));
    }

    private static Uni<Delivery> draft(Contract contract) {
        return Uni.createFrom().failure(ProblemException.conflict("Contract " + contract.id
                + " is a draft: it takes deliveries once procurement activates it."));
    }

    /** Why a notice's serials were refused: the first one known already (another supplier's delivery not named). */
    private static Uni<ProblemException> taken(String[] serials, UUID delivery, String supplier) {
        return Panache.getSession().chain(s -> s.createNativeQuery(TAKEN, Object[].class)
                        .setParameter(1, serials).setParameter(2, delivery).getSingleResult())
                .map(row -> ProblemException.conflict("Serial " + row[0] + " is already known"
                        + (supplier.equals(row[1]) ? " (delivery " + row[2] + " of " + supplier + ")" : "")
                        + ": a pack serial is shipped once."));
    }

    /**
     * Receives packs of an open notice on {@code request}'s day: all still in transit, or the listed ones, which must be
     * on the notice (400) and still in transit (409). The packs become stock and are announced to the plant.
     */
    public Uni<Delivery> receive(Delivery asn, Contract contract, ReceiptRequest request) {
        if (!asn.open()) {
            return Uni.createFrom().failure(ProblemException.conflict("Delivery " + asn.id + " is " + asn.status
                    + ": nothing more can be received on it."));
        }
        List<Violation> violations = new ArrayList<>();
        if (request.receivedOn().isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("receivedOn", "must not be in the future"));
        }
        Optional<List<String>> listed = request.full() ? Optional.of(List.of())
                : SerialsRequest.expand(request.ranges(), request.serials(), violations);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("The receipt is not valid.", violations));
        }
        Uni<List<String>> arriving = request.full() ? inTransit(asn.id) : checked(asn, listed.get());
        return arriving.call(serials -> Panache.getSession().chain(s -> s.createNativeQuery(RECEIVE)
                        .setParameter(1, asn.id).setParameter(2, request.receivedOn()).setParameter(3, contract.version)
                        .setParameter(4, serials.toArray(String[]::new)).executeUpdate()))
                .call(serials -> request.closing()
                        ? Panache.getSession().chain(s -> s.createNativeQuery(MISSING).setParameter(1, asn.id).executeUpdate())
                        : Uni.createFrom().voidItem())
                .call(serials -> serials.isEmpty() ? Uni.createFrom().voidItem()
                        : outbox.append(new PacksReceived(asn.id, contract.id, contract.supplierCode, serials,
                                rules.marketsAllowing(contract.cellOrigin, contract.carbonKgPerKwh), request.receivedOn(), clock.instant())))
                .map(serials -> {
                    asn.receivedPacks += serials.size();
                    if (!serials.isEmpty()) {
                        asn.deliveredOn = request.receivedOn();
                        asn.week = IsoWeek.of(request.receivedOn()).toString();
                    }
                    asn.status = asn.receivedPacks == asn.packs ? DeliveryStatus.RECEIVED
                            : request.closing() ? DeliveryStatus.CLOSED
                            : asn.receivedPacks > 0 ? DeliveryStatus.PARTLY_RECEIVED : DeliveryStatus.IN_TRANSIT;
                    return asn;
                });
    }

    private static Uni<List<String>> inTransit(UUID delivery) {
        return Panache.getSession().chain(s -> s.createNativeQuery(IN_TRANSIT, String.class)
                .setParameter(1, delivery).getResultList());
    }

    /** The listed serials, if each is on the notice and still in transit. */
    private static Uni<List<String>> checked(Delivery asn, List<String> listed) {
        return Panache.getSession().chain(s -> s.createNativeQuery(LISTED, Object[].class)
                        .setParameter(1, asn.id).setParameter(2, listed.toArray(String[]::new)).getResultList())
                .chain(rows -> {
                    Set<String> onNotice = new HashSet<>();
                    List<String> notInTransit = new ArrayList<>();
                    rows.forEach(row -> {
                        onNotice.add((String) row[0]);
                        if (!PackStatus.IN_TRANSIT.name().equals(row[1])) {
                            notInTransit.add(row[0] + " (" + row[1] + ")");
                        }
                    });
                    List<String> unknown = listed.stream().filter(serial -> !onNotice.contains(serial)).limit(10).toList();
                    if (!unknown.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.badRequest("serials",
                                "not on delivery " + asn.id + ": " + String.join(", ", unknown)));
                    }
                    if (!notInTransit.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.conflict("Not in transit any more: "
                                + String.join(", ", notInTransit.stream().limit(10).toList()) + "."));
                    }
                    return Uni.createFrom().item(listed);
                });
    }
}
