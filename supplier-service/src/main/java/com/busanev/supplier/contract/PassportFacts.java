package com.busanev.supplier.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a battery passport (EU Regulation 2023/1542, Annex XIII) needs of the pack model beyond the pack facts of the
 * terms (capacity, chemistry, origins, carbon footprint): declared by the supplier, amendable by it like those. Each
 * field names its Annex XIII point and letter (and the Annex VI Part A item for point 1(a)); every one is mandatory for
 * a complete passport ({@link #missing}), the lists may be empty ("none"). Point 1 is public, point 2 for persons with a
 * legitimate interest and authorities (docs/supplier-service.md, "Battery passport", has the compliance review).
 */
@Schema(description = "Battery passport facts of the pack model (EU 2023/1542 Annex XIII); all mandatory for a "
        + "complete passport. Point 1: public; point 2: authorities and recyclers only.")
public record PassportFacts(
        @Schema(description = "Annex XIII 1(a), VI A(3): battery model identifier", examples = "LGES-P4-100")
        @Size(max = 100) String batteryModel,
        @Schema(description = "Annex XIII 1(a), VI A(1): manufacturer's name", examples = "LG Energy Solution Ltd.")
        @Size(max = 200) String manufacturerName,
        @Schema(description = "Annex XIII 1(a), VI A(1): manufacturer's postal address")
        @Size(max = 300) String manufacturerAddress,
        @Schema(description = "Annex XIII 1(a), VI A(4): place of manufacture (plant and country)", examples = "Ochang, KR")
        @Size(max = 300) String manufacturingPlace,
        @Schema(description = "Annex XIII 1(a), VI A(6): battery weight, kg") @Positive @Max(5000) Double weightKg,
        @Schema(description = "Annex XIII 1(h): nominal voltage, V") @Positive @Max(2000) Double nominalVoltageV,
        @Schema(description = "Annex XIII 1(h): minimal voltage, V") @Positive @Max(2000) Double minVoltageV,
        @Schema(description = "Annex XIII 1(h): maximum voltage, V") @Positive @Max(2000) Double maxVoltageV,
        @Schema(description = "Annex XIII 1(i): original power capability, kW") @Positive @Max(2000) Double originalPowerKw,
        @Schema(description = "Annex XIII 1(j): expected lifetime, full cycles") @Positive @Max(100_000) Integer expectedLifetimeCycles,
        @Schema(description = "Annex XIII 1(j): the reference test the expected lifetime was measured with",
                examples = "IEC 62660-1:2018 cycle life test")
        @Size(max = 200) String expectedLifetimeReferenceTest,
        @Schema(description = "Annex XIII 1(p): C-rate of the cycle-life test", examples = "0.33")
        @Positive @Max(20) Double cycleLifeTestCRate,
        @Schema(description = "Annex XIII 1(k) (electric vehicle batteries): capacity threshold for exhaustion, % of rated capacity",
                examples = "70.0")
        @DecimalMin("0.0") @DecimalMax("100.0") Double capacityThresholdForExhaustionPct,
        @Schema(description = "Annex XIII 1(l): temperature range the battery withstands when not in use (reference test)")
        @Valid TemperatureRange idleTemperatureRange,
        @Schema(description = "Annex XIII 1(m): period the commercial warranty for the calendar life applies, years", examples = "8")
        @Positive @Max(50) Integer calendarLifeWarrantyYears,
        @Schema(description = "Annex XIII 1(n): round-trip efficiency at the start and after 50 % of the cycle life")
        @Valid RoundTripEfficiency roundTripEfficiency,
        @Schema(description = "Annex XIII 1(o): internal resistance of cell and pack")
        @Valid InternalResistance internalResistance,
        @Schema(description = "Annex XIII 1(b), VI A(9): hazardous substances other than mercury, cadmium or lead (empty: none)")
        @Size(max = 30) List<@Size(min = 1, max = 100) String> hazardousSubstances,
        @Schema(description = "Annex XIII 1(b), VI A(11): critical raw materials above 0.1 % w/w (empty: none)")
        @Size(max = 30) List<@Size(min = 1, max = 100) String> criticalRawMaterials,
        @Schema(description = "Annex XIII 1(a), VI A(10): usable extinguishing agent", examples = "water")
        @Size(max = 100) String extinguishingAgent,
        @Schema(description = "Annex XIII 1(e), Art. 8(1): recycled content shares") @Valid RecycledContent recycledContent,
        @Schema(description = "Annex XIII 1(f): share of renewable content, %", examples = "0.0")
        @DecimalMin("0.0") @DecimalMax("100.0") Double renewableContentPct,
        @Schema(description = "Annex XIII 1(c), Art. 7(2): carbon footprint performance class", examples = "B")
        @Pattern(regexp = "[A-E]", message = "must be a class A to E") String carbonFootprintClass,
        @Schema(description = "Annex XIII 1(c), Art. 7(1): public carbon footprint study")
        @Pattern(regexp = URL, message = "must be an http(s) URL") String carbonFootprintStudyUrl,
        @Schema(description = "Annex XIII 1(d), Art. 52(3): due diligence (responsible sourcing) report")
        @Pattern(regexp = URL, message = "must be an http(s) URL") String dueDiligenceReportUrl,
        @Schema(description = "Annex XIII 2(a): detailed composition (restricted)") @Valid DetailedComposition detailedComposition,
        @Schema(description = "Annex XIII 2(b): spare parts, contact (restricted)") @Size(max = 300) String sparePartsContact,
        @Schema(description = "Annex XIII 2(c): dismantling information (restricted)")
        @Pattern(regexp = URL, message = "must be an http(s) URL") String dismantlingInfoUrl,
        @Schema(description = "Annex XIII 2(d): safety measures (restricted)")
        @Pattern(regexp = URL, message = "must be an http(s) URL") String safetyInstructionsUrl) {

    static final String URL = "https?://\\S{3,500}";

    /** Shares of recycled material in the active materials, percent (Annex XIII 1(e), Art. 8(1)). */
    public record RecycledContent(@DecimalMin("0.0") @DecimalMax("100.0") Double cobaltPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double lithiumPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double nickelPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double leadPct) {
    }

    /** The lowest and highest temperature the battery withstands when not in use, °C (Annex XIII 1(l)). */
    public record TemperatureRange(@DecimalMin("-100.0") @DecimalMax("200.0") Double minC,
            @DecimalMin("-100.0") @DecimalMax("200.0") Double maxC) {
    }

    /** Energy round-trip efficiency, percent: initial and after 50 % of the cycle life (Annex XIII 1(n)). */
    public record RoundTripEfficiency(@DecimalMin("0.0") @DecimalMax("100.0") Double initialPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double at50PctCycleLifePct) {
    }

    /** Internal resistance of a battery cell and of the pack, milliohm (Annex XIII 1(o)). */
    public record InternalResistance(@Positive @Max(100_000) Double cellMilliohm,
            @Positive @Max(100_000) Double packMilliohm) {
    }

    /** The materials of cathode, anode and electrolyte (Annex XIII 2(a)). */
    public record DetailedComposition(@Size(max = 300) String cathode, @Size(max = 300) String anode,
            @Size(max = 300) String electrolyte) {
    }

    /** The mandatory facts not given, as paths of the contract terms (e.g. {@code passport.weightKg}). */
    public static List<String> missing(PassportFacts facts) {
        PassportFacts f = facts != null ? facts : empty();
        List<String> missing = new ArrayList<>();
        check(missing, "batteryModel", f.batteryModel);
        check(missing, "manufacturerName", f.manufacturerName);
        check(missing, "manufacturerAddress", f.manufacturerAddress);
        check(missing, "manufacturingPlace", f.manufacturingPlace);
        check(missing, "weightKg", f.weightKg);
        check(missing, "nominalVoltageV", f.nominalVoltageV);
        check(missing, "minVoltageV", f.minVoltageV);
        check(missing, "maxVoltageV", f.maxVoltageV);
        check(missing, "originalPowerKw", f.originalPowerKw);
        check(missing, "expectedLifetimeCycles", f.expectedLifetimeCycles);
        check(missing, "expectedLifetimeReferenceTest", f.expectedLifetimeReferenceTest);
        check(missing, "cycleLifeTestCRate", f.cycleLifeTestCRate);
        check(missing, "capacityThresholdForExhaustionPct", f.capacityThresholdForExhaustionPct);
        nested(missing, "idleTemperatureRange", f.idleTemperatureRange, new TemperatureRange(null, null), List.of(
                part("minC", TemperatureRange::minC), part("maxC", TemperatureRange::maxC)));
        check(missing, "calendarLifeWarrantyYears", f.calendarLifeWarrantyYears);
        nested(missing, "roundTripEfficiency", f.roundTripEfficiency, new RoundTripEfficiency(null, null), List.of(
                part("initialPct", RoundTripEfficiency::initialPct),
                part("at50PctCycleLifePct", RoundTripEfficiency::at50PctCycleLifePct)));
        nested(missing, "internalResistance", f.internalResistance, new InternalResistance(null, null), List.of(
                part("cellMilliohm", InternalResistance::cellMilliohm),
                part("packMilliohm", InternalResistance::packMilliohm)));
        check(missing, "hazardousSubstances", f.hazardousSubstances);
        check(missing, "criticalRawMaterials", f.criticalRawMaterials);
        check(missing, "extinguishingAgent", f.extinguishingAgent);
        nested(missing, "recycledContent", f.recycledContent, new RecycledContent(null, null, null, null), List.of(
                part("cobaltPct", RecycledContent::cobaltPct), part("lithiumPct", RecycledContent::lithiumPct),
                part("nickelPct", RecycledContent::nickelPct), part("leadPct", RecycledContent::leadPct)));
        check(missing, "renewableContentPct", f.renewableContentPct);
        check(missing, "carbonFootprintClass", f.carbonFootprintClass);
        check(missing, "carbonFootprintStudyUrl", f.carbonFootprintStudyUrl);
        check(missing, "dueDiligenceReportUrl", f.dueDiligenceReportUrl);
        nested(missing, "detailedComposition", f.detailedComposition, new DetailedComposition(null, null, null), List.of(
                part("cathode", DetailedComposition::cathode), part("anode", DetailedComposition::anode),
                part("electrolyte", DetailedComposition::electrolyte)));
        check(missing, "sparePartsContact", f.sparePartsContact);
        check(missing, "dismantlingInfoUrl", f.dismantlingInfoUrl);
        check(missing, "safetyInstructionsUrl", f.safetyInstructionsUrl);
        return missing.stream().map(name -> "passport." + name).toList();
    }

    private static PassportFacts empty() {
        return new PassportFacts(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private record Part<T>(String name, Function<T, Object> value) {
    }

    private static <T> Part<T> part(String name, Function<T, Object> value) {
        return new Part<>(name, value);
    }

    private static <T> void nested(List<String> missing, String name, T value, T none, List<Part<T>> parts) {
        T given = value != null ? value : none;
        parts.forEach(p -> check(missing, name + "." + p.name(), p.value().apply(given)));
    }

    private static void check(List<String> missing, String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            missing.add(name);
        }
    }
}
