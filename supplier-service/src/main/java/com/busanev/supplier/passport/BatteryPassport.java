package com.busanev.supplier.passport;

import com.busanev.supplier.contract.Chemistry;
import com.busanev.supplier.contract.ContractTerms;
import com.busanev.supplier.contract.PassportFacts;
import com.busanev.supplier.stock.Pack;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A pack's battery passport, in the sections of the Battery Pass consortium's data model (v1.2, after DIN DKE SPEC
 * 99100): general product information, carbon footprint, supply chain due diligence, material composition,
 * circularity, performance and durability. Each attribute serves an Annex XIII point (docs/supplier-service.md,
 * "Battery passport", maps them). Restricted parts (Annex XIII point 2) are left out below
 * {@link AccessLevel#RESTRICTED}, the traceability of the parties below {@link AccessLevel#FULL}: not sent, not blanked.
 */
@Schema(description = "A battery passport (EU 2023/1542 Art. 77, Annex XIII) in the Battery Pass data model's sections")
public record BatteryPassport(
        @Schema(examples = DATA_MODEL) String dataModel,
        @Schema(description = "The pack serial: the battery's unique identifier") String uniqueIdentifier,
        @Schema(description = "The passport's stable public address (its QR code)") String passportUrl,
        int version, Instant lastUpdated, AccessLevel accessLevel,
        @Schema(description = "Every mandatory field is known") boolean complete,
        @Schema(description = "The mandatory fields not known (paths of the contract terms that declare them)") List<String> missing,
        GeneralProductInformation generalProductInformation,
        CarbonFootprint carbonFootprint,
        SupplyChainDueDiligence supplyChainDueDiligence,
        MaterialComposition materialComposition,
        Circularity circularity,
        PerformanceAndDurability performanceAndDurability,
        @Schema(description = "FULL access only: contract, delivery and car") @JsonInclude(JsonInclude.Include.NON_NULL)
        Traceability traceability) {

    static final String DATA_MODEL = "BatteryPass Data Model 1.2 (DIN DKE SPEC 99100)";
    static final String CATEGORY_EV = "EV";
    static final String STATUS_ORIGINAL = "ORIGINAL";

    /** Where the pack is in its life at the plant. */
    public enum Lifecycle {
        IN_TRANSIT, IN_STOCK, IN_VEHICLE, SHIPPED_IN_VEHICLE, MISSING
    }

    public record GeneralProductInformation(String productIdentifier, String batteryCategory, String batteryModel,
            String batteryStatus, Lifecycle lifecycle, String manufacturerName, String manufacturerAddress,
            String manufacturingPlace, LocalDate manufacturingDate,
            @Schema(description = "NOTICE when the supplier stated it, else SHIPPING_NOTICE (the day the notice was sent)")
            String manufacturingDateSource, Double batteryMassKg,
            @Schema(description = "Annex XIII 1(m): commercial warranty period for the calendar life, years")
            Integer warrantyPeriodYears) {
    }

    public record CarbonFootprint(Double batteryCarbonFootprintKgCo2ePerKwh, String carbonFootprintPerformanceClass,
            String carbonFootprintStudy) {
    }

    public record SupplyChainDueDiligence(String supplyChainDueDiligenceReport,
            @Schema(description = "RESTRICTED") @JsonInclude(JsonInclude.Include.NON_NULL) String cellOrigin,
            @Schema(description = "RESTRICTED") @JsonInclude(JsonInclude.Include.NON_NULL) String packOrigin) {
    }

    public record MaterialComposition(Chemistry batteryChemistry, List<String> hazardousSubstances,
            List<String> criticalRawMaterials,
            @Schema(description = "RESTRICTED") @JsonInclude(JsonInclude.Include.NON_NULL)
            PassportFacts.DetailedComposition batteryMaterials) {
    }

    public record Circularity(PassportFacts.RecycledContent recycledContent,
            @Schema(description = "Annex XIII 1(f): share of renewable content, %") Double renewableContentPct,
            String extinguishingAgent,
            @Schema(description = "RESTRICTED") @JsonInclude(JsonInclude.Include.NON_NULL) String dismantlingAndRemovalInformation,
            @Schema(description = "RESTRICTED") @JsonInclude(JsonInclude.Include.NON_NULL) String sparePartSources,
            @Schema(description = "RESTRICTED") @JsonInclude(JsonInclude.Include.NON_NULL) String safetyInstructions) {
    }

    public record PerformanceAndDurability(double ratedEnergyKwh,
            @Schema(description = "Annex XIII 1(g): rated energy over nominal voltage (derived, not a declared test value)")
            Double ratedCapacityAh, Double nominalVoltageV,
            Double minVoltageV, Double maxVoltageV, Double originalPowerCapabilityKw, Integer expectedLifetimeCycles,
            String expectedLifetimeReferenceTest, Double cRateOfCycleLifeTest, Double capacityThresholdForExhaustionPct,
            PassportFacts.TemperatureRange temperatureRangeIdleState,
            PassportFacts.RoundTripEfficiency roundTripEfficiency, PassportFacts.InternalResistance internalResistance) {
    }

    public record Traceability(String supplier, UUID contractId, int contractVersion, UUID deliveryId,
            LocalDate receivedOn, UUID orderId, String vin, String market, String brand, Instant builtAt, Instant shippedAt) {
    }

    /** What the document is made of: the pack, the facts of the contract version it shows, and its manufacture. */
    record Source(Pack pack, ContractTerms terms, UUID deliveryId, LocalDate manufacturedOn, boolean stated,
            Instant lastUpdated) {
    }

    /** The mandatory facts the terms lack: the contract's carbon declaration and its passport facts. */
    static List<String> missing(ContractTerms terms) {
        List<String> facts = PassportFacts.missing(terms.passport());
        return terms.carbonFootprintKgCo2ePerKwh() != null ? facts
                : Stream.concat(Stream.of("carbonFootprintKgCo2ePerKwh"), facts.stream()).toList();
    }

    static BatteryPassport of(Source source, String url, AccessLevel level) {
        Pack pack = source.pack();
        ContractTerms terms = source.terms();
        Optional<PassportFacts> facts = Optional.ofNullable(terms.passport());
        boolean restricted = level.includes(AccessLevel.RESTRICTED);
        List<String> missing = missing(terms);
        Double nominal = get(facts, PassportFacts::nominalVoltageV);
        return new BatteryPassport(DATA_MODEL, pack.serial, url, pack.passportVersion, source.lastUpdated(), level,
                missing.isEmpty(), missing,
                new GeneralProductInformation(pack.serial, CATEGORY_EV, get(facts, PassportFacts::batteryModel),
                        STATUS_ORIGINAL, lifecycle(pack), get(facts, PassportFacts::manufacturerName),
                        get(facts, PassportFacts::manufacturerAddress), get(facts, PassportFacts::manufacturingPlace),
                        source.manufacturedOn(), source.stated() ? "NOTICE" : "SHIPPING_NOTICE",
                        get(facts, PassportFacts::weightKg), get(facts, PassportFacts::calendarLifeWarrantyYears)),
                new CarbonFootprint(terms.carbonFootprintKgCo2ePerKwh(), get(facts, PassportFacts::carbonFootprintClass),
                        get(facts, PassportFacts::carbonFootprintStudyUrl)),
                new SupplyChainDueDiligence(get(facts, PassportFacts::dueDiligenceReportUrl),
                        restricted ? terms.cellOrigin() : null, restricted ? terms.packOrigin() : null),
                new MaterialComposition(terms.packSpec().chemistry(), get(facts, PassportFacts::hazardousSubstances),
                        get(facts, PassportFacts::criticalRawMaterials),
                        restricted ? get(facts, PassportFacts::detailedComposition) : null),
                new Circularity(get(facts, PassportFacts::recycledContent), get(facts, PassportFacts::renewableContentPct),
                        get(facts, PassportFacts::extinguishingAgent),
                        restricted ? get(facts, PassportFacts::dismantlingInfoUrl) : null,
                        restricted ? get(facts, PassportFacts::sparePartsContact) : null,
                        restricted ? get(facts, PassportFacts::safetyInstructionsUrl) : null),
                new PerformanceAndDurability(terms.packSpec().capacityKwh(),
                        nominal == null ? null : Math.round(terms.packSpec().capacityKwh() * 1000 / nominal * 10) / 10.0,
                        nominal, get(facts, PassportFacts::minVoltageV), get(facts, PassportFacts::maxVoltageV),
                        get(facts, PassportFacts::originalPowerKw), get(facts, PassportFacts::expectedLifetimeCycles),
                        get(facts, PassportFacts::expectedLifetimeReferenceTest), get(facts, PassportFacts::cycleLifeTestCRate),
                        get(facts, PassportFacts::capacityThresholdForExhaustionPct),
                        get(facts, PassportFacts::idleTemperatureRange), get(facts, PassportFacts::roundTripEfficiency),
                        get(facts, PassportFacts::internalResistance)),
                level.includes(AccessLevel.FULL) ? new Traceability(pack.supplierCode, pack.contractId,
                        pack.passportContractVersion, source.deliveryId(), pack.receivedOn, pack.orderId, pack.vin,
                        pack.market, pack.brand, pack.consumedAt, pack.shippedAt) : null);
    }

    private static Lifecycle lifecycle(Pack pack) {
        return switch (pack.status) {
            case IN_TRANSIT -> Lifecycle.IN_TRANSIT;
            case RECEIVED -> Lifecycle.IN_STOCK;
            case CONSUMED -> pack.shippedAt != null ? Lifecycle.SHIPPED_IN_VEHICLE : Lifecycle.IN_VEHICLE;
            case MISSING -> Lifecycle.MISSING;
        };
    }

    private static <T> T get(Optional<PassportFacts> facts, Function<PassportFacts, T> field) {
        return facts.map(field).orElse(null);
    }
}
