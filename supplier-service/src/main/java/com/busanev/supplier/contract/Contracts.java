package com.busanev.supplier.contract;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.supplier.allocation.CurrencyRates;
import com.busanev.supplier.supplier.Supplier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Creating and amending contracts; every change is a new version. */
@ApplicationScoped
public class Contracts {
    private final ObjectMapper mapper;
    private final CurrencyRates rates;
    private final Clock clock;

    Contracts(ObjectMapper mapper, CurrencyRates rates, Clock clock) {
        this.mapper = mapper;
        this.rates = rates;
        this.clock = clock;
    }

    public Uni<Contract> create(ContractTerms terms, String user) {
        return checked(terms).chain(() -> {
            Contract contract = new Contract();
            contract.id = UUID.randomUUID();
            contract.apply(terms);
            return record(contract, 1, user);
        });
    }

    /**
     * A new version of the terms. A supplier may amend its own contract's pack facts (spec, origins, carbon
     * declaration) but not its commercial terms, term or status, which are procurement's.
     */
    public Uni<Contract> amend(Contract contract, ContractTerms terms, int expectedVersion, String user, boolean supplierOnly) {
        if (contract.version != expectedVersion) {
            return Uni.createFrom().failure(new ProblemException(412, "Precondition Failed", "The contract is at version "
                    + contract.version + ", not " + expectedVersion + ": reload it and amend again.", List.of()));
        }
        ContractTerms current = contract.terms();
        if (!terms.supplier().equals(current.supplier())) {
            return Uni.createFrom().failure(ProblemException.badRequest("supplier",
                    "cannot change on an amendment (it is " + current.supplier() + "); add a new contract instead"));
        }
        if (supplierOnly && (terms.status() != current.status()
                || !Objects.equals(terms.validFrom(), current.validFrom()) || !Objects.equals(terms.validTo(), current.validTo())
                || !Objects.equals(terms.monthlyCommittedPacks(), current.monthlyCommittedPacks())
                || !Objects.equals(terms.flexRange(), current.flexRange())
                || terms.pricePerKwh().amount().compareTo(current.pricePerKwh().amount()) != 0
                || !terms.pricePerKwh().currency().equals(current.pricePerKwh().currency()))) {
            return Uni.createFrom().failure(new ProblemException(403, "Forbidden", "A supplier may amend the pack "
                    + "spec, origins, carbon declaration and passport facts; term, volumes, price and status are procurement's.", List.of()));
        }
        return checked(terms).chain(() -> {
            contract.apply(terms);
            return record(contract, contract.version + 1, user);
        });
    }

    /** A contract the caller may see: any for procurement and viewers, only its own for a supplier. */
    public Uni<Contract> visible(UUID id, Optional<String> supplier) {
        return Contract.<Contract>findById(id)
                .map(c -> c == null || supplier.filter(s -> !s.equals(c.supplierCode)).isPresent() ? null : c)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No contract " + id + "."));
    }

    private Uni<Void> checked(ContractTerms terms) {
        List<Violation> violations = new ArrayList<>();
        if (terms.validTo().isBefore(terms.validFrom())) {
            violations.add(new Violation("validTo", "must not be before validFrom"));
        }
        if (terms.flexRange().minPacks() > terms.monthlyCommittedPacks()
                || terms.flexRange().maxPacks() < terms.monthlyCommittedPacks()) {
            violations.add(new Violation("flexRange", "must contain the monthly committed volume"));
        }
        if (!rates.knows(terms.pricePerKwh().currency())) {
            violations.add(new Violation("pricePerKwh.currency", "is not a settlement currency (" + rates.currencies() + ")"));
        }
        return Supplier.<Supplier>findById(terms.supplier()).chain(supplier -> {
            if (supplier == null) {
                violations.add(new Violation("supplier", "is not a known supplier code (GET /api/v1/suppliers)"));
            }
            return violations.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ProblemException.badRequest("The contract has " + violations.size()
                            + " invalid value(s).", violations));
        });
    }

    private Uni<Contract> record(Contract contract, int version, String user) {
        Instant now = clock.instant();
        contract.version = version;
        contract.updatedBy = user;
        contract.updatedAt = now;
        ContractVersion snapshot = new ContractVersion();
        snapshot.contractId = contract.id;
        snapshot.version = version;
        snapshot.changedBy = user;
        snapshot.changedAt = now;
        try {
            snapshot.snapshot = mapper.writeValueAsString(contract.terms());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return contract.persist().call(snapshot::persist).replaceWith(contract);
    }

    public ContractTerms read(String snapshot) {
        try {
            return mapper.readValue(snapshot, ContractTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
