package com.busanev.supplier.stock;

import com.busanev.kit.problem.ProblemException;
import com.busanev.supplier.contract.Contract;
import com.busanev.supplier.contract.ContractTerms;
import com.busanev.supplier.contract.ContractVersion;
import com.busanev.supplier.contract.Contracts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Packs with their delivery and the contract terms they came under: the recall trail, both ways. */
@ApplicationScoped
public class Genealogy {
    private final Contracts contracts;

    Genealogy(Contracts contracts) {
        this.contracts = contracts;
    }

    /** The pack, if the caller may see it: any for procurement, viewers and planners, only its own for a supplier. */
    public Uni<Pack> visible(String serial, Optional<String> supplier) {
        return Pack.<Pack>findById(serial)
                .map(p -> p == null || supplier.filter(s -> !s.equals(p.supplierCode)).isPresent() ? null : p)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No pack " + serial + "."));
    }

    /** The delivery, if the caller may see it (its contract's supplier). */
    public Uni<Delivery> visibleDelivery(UUID id, Optional<String> supplier) {
        return Delivery.<Delivery>findById(id)
                .chain(d -> d == null || supplier.isEmpty() ? Uni.createFrom().item(d)
                        : Contract.<Contract>findById(d.contractId).map(c -> supplier.get().equals(c.supplierCode) ? d : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No delivery " + id + "."));
    }

    /** The views of the packs, in their order: one query for their deliveries, one for their contracts' versions. */
    public Uni<List<PackView>> views(List<Pack> packs) {
        if (packs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> deliveryIds = packs.stream().map(p -> p.deliveryId).collect(Collectors.toSet());
        Set<UUID> contractIds = packs.stream().map(p -> p.contractId).collect(Collectors.toSet());
        return Delivery.<Delivery>list("id in ?1", deliveryIds)
                .chain(deliveries -> ContractVersion.<ContractVersion>list("contractId in ?1", contractIds)
                        .map(versions -> {
                            Map<UUID, Delivery> byId = deliveries.stream().collect(Collectors.toMap(d -> d.id, d -> d));
                            Map<String, ContractTerms> terms = new HashMap<>();
                            versions.forEach(v -> terms.put(v.contractId + "/" + v.version, contracts.read(v.snapshot)));
                            return packs.stream().map(p -> {
                                Delivery delivery = byId.get(p.deliveryId);
                                // a pack in transit has the version of its notice; a received one, that of its receipt
                                int version = p.contractVersion != null ? p.contractVersion : delivery.contractVersion;
                                return PackView.of(p, delivery, version, terms.get(p.contractId + "/" + version));
                            }).toList();
                        }));
    }
}
