package com.busanev.tower.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack's battery passport as supplier-service answers it (EU 2023/1542 Annex XIII, in the Battery Pass data model's
 * sections). The restricted facts are absent below RESTRICTED: the service leaves them out, so the view leaves their
 * rows out rather than show them as missing. Its traceability (FULL) is the pack's genealogy, which the view reads from
 * the genealogy endpoint for every role that may.
 */
public record Passport(String uniqueIdentifier, String passportUrl, int version, Instant lastUpdated,
        String accessLevel, boolean complete, List<String> missing, General generalProductInformation,
        CarbonFootprint carbonFootprint, DueDiligence supplyChainDueDiligence, Materials materialComposition,
        Circularity circularity, Performance performanceAndDurability) {

    public record General(String batteryCategory, String batteryModel, String batteryStatus, String lifecycle,
            String manufacturerName, String manufacturerAddress, String manufacturingPlace, LocalDate manufacturingDate,
            String manufacturingDateSource, Double batteryMassKg, Integer warrantyPeriodYears) {
    }

    public record CarbonFootprint(Double batteryCarbonFootprintKgCo2ePerKwh, String carbonFootprintPerformanceClass,
            String carbonFootprintStudy) {
    }

    public record DueDiligence(String supplyChainDueDiligenceReport, String cellOrigin, String packOrigin) {
    }

    public record Materials(String batteryChemistry, List<String> hazardousSubstances,
            List<String> criticalRawMaterials, Composition batteryMaterials) {
    }

    public record Composition(String cathode, String anode, String electrolyte) {
    }

    public record Circularity(RecycledContent recycledContent, Double renewableContentPct, String extinguishingAgent,
            String dismantlingAndRemovalInformation, String sparePartSources, String safetyInstructions) {
    }

    public record RecycledContent(Double cobaltPct, Double lithiumPct, Double nickelPct, Double leadPct) {
    }

    public record Performance(double ratedEnergyKwh, Double ratedCapacityAh, Double nominalVoltageV, Double minVoltageV,
            Double maxVoltageV, Double originalPowerCapabilityKw, Integer expectedLifetimeCycles,
            String expectedLifetimeReferenceTest, Double cRateOfCycleLifeTest, Double capacityThresholdForExhaustionPct,
            TemperatureRange temperatureRangeIdleState, RoundTripEfficiency roundTripEfficiency,
            InternalResistance internalResistance) {
    }

    public record TemperatureRange(Double minC, Double maxC) {
    }

    public record RoundTripEfficiency(Double initialPct, Double at50PctCycleLifePct) {
    }

    public record InternalResistance(Double cellMilliohm, Double packMilliohm) {
    }

    /** A group of the passport's facts under its Annex XIII heading; a null value is a fact not known. */
    public record Section(String id, String title, List<Fact> facts) {
    }

    public record Fact(String label, String value) {
    }

    /** Whether the restricted part (Annex XIII point 2) was sent: RESTRICTED and FULL. */
    public boolean restricted() {
        return !"PUBLIC".equals(accessLevel);
    }

    /** The facts by section, in the data model's order; restricted rows only where they were sent. */
    public List<Section> sections() {
        General g = generalProductInformation;
        CarbonFootprint c = carbonFootprint;
        Materials m = materialComposition;
        Performance p = performanceAndDurability;
        RecycledContent recycled = circularity.recycledContent();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("general", "General (Annex XIII 1(a))", List.of(
                fact("Model", g.batteryModel()), fact("Category", g.batteryCategory()),
                fact("Status", g.batteryStatus() + ", " + g.lifecycle()),
                fact("Manufacturer", g.manufacturerName()), fact("Address", g.manufacturerAddress()),
                fact("Made at", g.manufacturingPlace()),
                fact("Made on", g.manufacturingDate() == null ? null : g.manufacturingDate() + " (" + g.manufacturingDateSource() + ")"),
                fact("Mass", unit(g.batteryMassKg(), "kg")),
                fact("Calendar-life warranty", g.warrantyPeriodYears() == null ? null : g.warrantyPeriodYears() + " years"))));
        sections.add(new Section("carbon", "Carbon footprint (1(c))", List.of(
                fact("Footprint", unit(c.batteryCarbonFootprintKgCo2ePerKwh(), "kg CO2e/kWh")),
                fact("Class", c.carbonFootprintPerformanceClass()), fact("Study", c.carbonFootprintStudy()))));
        List<Fact> diligence = new ArrayList<>(List.of(
                fact("Report", supplyChainDueDiligence.supplyChainDueDiligenceReport())));
        List<Fact> materials = new ArrayList<>(List.of(fact("Chemistry", m.batteryChemistry()),
                fact("Hazardous substances", list(m.hazardousSubstances())),
                fact("Critical raw materials", list(m.criticalRawMaterials()))));
        List<Fact> circular = new ArrayList<>(List.of(
                fact("Recycled content", recycled == null ? null : "cobalt %s, lithium %s, nickel %s, lead %s".formatted(
                        unit(recycled.cobaltPct(), "%"), unit(recycled.lithiumPct(), "%"), unit(recycled.nickelPct(), "%"),
                        unit(recycled.leadPct(), "%"))),
                fact("Renewable content", unit(circularity.renewableContentPct(), "%")),
                fact("Extinguishing agent", circularity.extinguishingAgent())));
        if (restricted()) {
            diligence.add(fact("Cell origin", supplyChainDueDiligence.cellOrigin()));
            diligence.add(fact("Pack origin", supplyChainDueDiligence.packOrigin()));
            Composition composition = m.batteryMaterials();
            materials.add(fact("Composition", composition == null ? null : "cathode %s, anode %s, electrolyte %s"
                    .formatted(composition.cathode(), composition.anode(), composition.electrolyte())));
            circular.add(fact("Dismantling", circularity.dismantlingAndRemovalInformation()));
            circular.add(fact("Spare parts", circularity.sparePartSources()));
            circular.add(fact("Safety", circularity.safetyInstructions()));
        }
        sections.add(new Section("diligence", "Due diligence (1(d))", diligence));
        sections.add(new Section("materials", "Materials (1(b))", materials));
        sections.add(new Section("circularity", "Circularity (1(e), 2)", circular));
        TemperatureRange idle = p.temperatureRangeIdleState();
        RoundTripEfficiency efficiency = p.roundTripEfficiency();
        InternalResistance resistance = p.internalResistance();
        sections.add(new Section("performance", "Performance and durability (1(g)-(p))", List.of(
                fact("Rated energy", unit(p.ratedEnergyKwh(), "kWh")), fact("Rated capacity", unit(p.ratedCapacityAh(), "Ah")),
                fact("Voltage", p.nominalVoltageV() == null ? null : "%s nominal (%s – %s)".formatted(
                        unit(p.nominalVoltageV(), "V"), unit(p.minVoltageV(), "V"), unit(p.maxVoltageV(), "V"))),
                fact("Power", unit(p.originalPowerCapabilityKw(), "kW")),
                fact("Lifetime", p.expectedLifetimeCycles() == null ? null : p.expectedLifetimeCycles() + " cycles"
                        + (p.expectedLifetimeReferenceTest() == null ? "" : " (" + p.expectedLifetimeReferenceTest() + ")")),
                fact("Cycle-life test C-rate", p.cRateOfCycleLifeTest()),
                fact("Exhaustion threshold", unit(p.capacityThresholdForExhaustionPct(), "%")),
                fact("Idle temperature", idle == null ? null : "%s – %s".formatted(unit(idle.minC(), "°C"),
                        unit(idle.maxC(), "°C"))),
                fact("Round-trip efficiency", efficiency == null ? null : "%s initial, %s at half the cycle life"
                        .formatted(unit(efficiency.initialPct(), "%"), unit(efficiency.at50PctCycleLifePct(), "%"))),
                fact("Internal resistance", resistance == null ? null : "cell %s, pack %s".formatted(
                        unit(resistance.cellMilliohm(), "mΩ"), unit(resistance.packMilliohm(), "mΩ"))))));
        return sections;
    }

    private static Fact fact(String label, Object value) {
        return new Fact(label, value == null ? null : value.toString());
    }

    private static String unit(Double value, String unit) {
        if (value == null) {
            return null;
        }
        String number = value == Math.rint(value) ? String.valueOf(value.longValue()) : value.toString();
        return "%".equals(unit) ? number + unit : number + " " + unit;
    }

    /** An empty list is a fact (none), not a missing one. */
    private static String list(List<String> values) {
        return values == null ? null : values.isEmpty() ? "none" : String.join(", ", values);
    }
}
