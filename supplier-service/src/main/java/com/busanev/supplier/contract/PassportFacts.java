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
 * field names its Annex point; every one is mandatory for a complete passport ({@link #missing}), the lists may be
 * empty ("none"). Points 1 are public, points 2 for persons with a legitimate interest (authorities, recyclers).
 */
@Schema(description = "Battery passport facts of the pack model (EU 2023/1542 Annex XIII); all mandatory for a "
        + "complete passport. Points 1: public; points 2: authorities and recyclers only.")
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
        @Schema(description = "Annex XIII 1 (Annex IV A): nominal voltage, V") @Positive @Max(2000) Double nominalVoltageV,
        @Schema(description = "Annex XIII 1 (Annex IV A): minimal voltage, V") @Positive @Max(2000) Double minVoltageV,
        @Schema(description = "Annex XIII 1 (Annex IV A): maximum voltage, V") @Positive @Max(2000) Double maxVoltageV,
        @Schema(description = "Annex XIII 1 (Annex IV A): original power capability, kW") @Positive @Max(2000) Double originalPowerKw,
        @Schema(description = "Annex XIII 1 (Annex IV A): expected lifetime, full cycles") @Positive @Max(100_000) Integer expectedLifetimeCycles,
        @Schema(description = "Annex XIII 1(b), VI A(9): hazardous substances (empty: none)")
        @Size(max = 30) List<@Size(min = 1, max = 100) String> hazardousSubstances,
        @Schema(description = "Annex XIII 1(b), VI A(11): critical raw materials above 0.1 % w/w (empty: none)")
        @Size(max = 30) List<@Size(min = 1, max = 100) String> criticalRawMaterials,
        @Schema(description = "Annex XIII 1(a), VI A(10): usable extinguishing agent", examples = "water")
        @Size(max = 100) String extinguishingAgent,
        @Schema(description = "Annex XIII 1(e), Art. 8: recycled content shares") @Valid RecycledContent recycledContent,
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

    /** Shares of recycled material in the active materials, percent (Art. 8). */
    public record RecycledContent(@DecimalMin("0.0") @DecimalMax("100.0") Double cobaltPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double lithiumPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double nickelPct,
            @DecimalMin("0.0") @DecimalMax("100.0") Double leadPct) {
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
        check(missing, "hazardousSubstances", f.hazardousSubstances);
        check(missing, "criticalRawMaterials", f.criticalRawMaterials);
        check(missing, "extinguishingAgent", f.extinguishingAgent);
        nested(missing, "recycledContent", f.recycledContent, new RecycledContent(null, null, null, null), List.of(
                part("cobaltPct", RecycledContent::cobaltPct), part("lithiumPct", RecycledContent::lithiumPct),
                part("nickelPct", RecycledContent::nickelPct), part("leadPct", RecycledContent::leadPct)));
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
                null, null, null, null, null, null, null);
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
