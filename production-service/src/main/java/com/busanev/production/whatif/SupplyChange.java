package com.busanev.production.whatif;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A hypothetical change of battery supply, applied to each week and region of the plan's horizon in turn. A type
 * the service does not know reads as {@link Unknown}, so it is reported as a violation of {@code type} like any other
 * bad field rather than as an unreadable body.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = SupplyChange.Unknown.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = SupplyChange.SupplierCut.class, name = SupplyChange.SUPPLIER_CUT),
        @JsonSubTypes.Type(value = SupplyChange.ContractEnds.class, name = SupplyChange.CONTRACT_ENDS),
        @JsonSubTypes.Type(value = SupplyChange.NewSupplier.class, name = SupplyChange.NEW_SUPPLIER)})
@Schema(oneOf = {SupplyChange.SupplierCut.class, SupplyChange.ContractEnds.class, SupplyChange.NewSupplier.class},
        description = "A hypothetical change of supply; `type` says which")
public sealed interface SupplyChange {
    String SUPPLIER_CUT = "SUPPLIER_CUT";
    String CONTRACT_ENDS = "CONTRACT_ENDS";
    String NEW_SUPPLIER = "NEW_SUPPLIER";
    String WEEK = "\\d{4}-W\\d{2}";
    String WEEK_MESSAGE = "must be an ISO week like 2027-W10";
    /** The name a new supplier's packs go under in a week's split. */
    String NEW_SOURCE = "(new supplier)";

    /** The type name, as the request spells it. */
    String type();

    /** The ISO week fields this change has a value for, by field name: each must be a week of its year. */
    Map<String, String> weeks();

    /** Changes one week's packs of one region; the weeks are valid (checked before). */
    void apply(IsoWeek week, Region region, WeekSupply supply);

    @Schema(name = "SupplierCut", description = "A supplier delivers `percent` % less from `fromWeek` on "
            + "(in one region, or in all when `region` is left out)")
    record SupplierCut(@NotBlank @Size(max = 40) String supplier, Region region,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double percent,
            @NotNull @Pattern(regexp = WEEK, message = WEEK_MESSAGE) String fromWeek) implements SupplyChange {
        @Override
        public String type() {
            return SUPPLIER_CUT;
        }

        @Override
        public Map<String, String> weeks() {
            return Map.of("fromWeek", fromWeek);
        }

        @Override
        public void apply(IsoWeek week, Region in, WeekSupply supply) {
            if ((region == null || region == in) && week.compareTo(IsoWeek.parse(fromWeek)) >= 0) {
                supply.scale(supplier, (100 - percent) / 100);
            }
        }
    }

    @Schema(name = "ContractEnds", description = "A supplier delivers nothing after `afterWeek` (in one region, or "
            + "in all when `region` is left out)")
    record ContractEnds(@NotBlank @Size(max = 40) String supplier, Region region,
            @NotNull @Pattern(regexp = WEEK, message = WEEK_MESSAGE) String afterWeek) implements SupplyChange {
        @Override
        public String type() {
            return CONTRACT_ENDS;
        }

        @Override
        public Map<String, String> weeks() {
            return Map.of("afterWeek", afterWeek);
        }

        @Override
        public void apply(IsoWeek week, Region in, WeekSupply supply) {
            if ((region == null || region == in) && week.compareTo(IsoWeek.parse(afterWeek)) > 0) {
                supply.remove(supplier);
            }
        }
    }

    @Schema(name = "NewSupplier", description = "A new source adds `packsPerWeek` packs for `region` from "
            + "`fromWeek` on (to `untilWeek` included, if given)")
    record NewSupplier(@NotNull Region region, @NotNull @Min(1) @Max(100_000) Integer packsPerWeek,
            @NotNull @Pattern(regexp = WEEK, message = WEEK_MESSAGE) String fromWeek,
            @Pattern(regexp = WEEK, message = WEEK_MESSAGE) String untilWeek) implements SupplyChange {
        @Override
        public String type() {
            return NEW_SUPPLIER;
        }

        @Override
        public Map<String, String> weeks() {
            Map<String, String> weeks = new LinkedHashMap<>();
            weeks.put("fromWeek", fromWeek);
            if (untilWeek != null) {
                weeks.put("untilWeek", untilWeek);
            }
            return weeks;
        }

        @Override
        public void apply(IsoWeek week, Region in, WeekSupply supply) {
            if (region == in && week.compareTo(IsoWeek.parse(fromWeek)) >= 0
                    && (untilWeek == null || week.compareTo(IsoWeek.parse(untilWeek)) <= 0)) {
                supply.add(NEW_SOURCE, packsPerWeek);
            }
        }
    }

    /** A missing or unknown {@code type}: never applied, the request is refused naming the field. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(hidden = true)
    record Unknown() implements SupplyChange {
        @Override
        public String type() {
            return null;
        }

        @Override
        public Map<String, String> weeks() {
            return Map.of();
        }

        @Override
        public void apply(IsoWeek week, Region region, WeekSupply supply) {
            throw new IllegalStateException("an unknown change is refused before it is applied");
        }
    }
}
