package com.busanev.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The demo: battery contracts and sailings are set up as procurement and the logistics operator would, then
 * Polestar's order system places a few Polestar 4 orders for North America, Europe and Korea, and each is
 * followed over REST until it arrives. Data from earlier runs stays; names carry the run's time.
 */
public final class Scenario {
    private static final ZoneId PLANT = ZoneId.of("Asia/Seoul");

    /** An order placed by the scenario: a label for the output and its id. */
    public record Placed(String label, String id) {
    }

    /** The answer to a cancel: accepted (200 decided, or 202 requested and decided later) or refused (409). */
    public record Cancel(Placed order, int status, JsonNode body) {
        public boolean accepted() {
            return status == 200 || status == 202;
        }
    }

    /** Monthly pack volume of a contract: committed, and the flexible range around it. */
    private record Packs(int committed, int flexMin, int flexMax) {
    }

    private static final Packs DEMO_PACKS = new Packs(8000, 6000, 10000);
    /**
     * Two of these supply the line at full rate with a third to spare: 486 Polestar 4 slots a working day are about
     * 10,500 packs a month. Contracts of 20,000 each (3.8 times the line) kept the suppliers' simulator shipping stock
     * no car would take (444,000 packs on hand 196 s into a 100,000-order flow, 31,500 built in), and the flow
     * measured that filing.
     */
    private static final Packs VOLUME_PACKS = new Packs(7_000, 0, 10_500);
    private static final String BRAND_SYSTEM = "polestar-buyer";
    private static final Duration FIRST_SAILING = Duration.ofDays(3);
    private static final Duration SAILING_INTERVAL = Duration.ofDays(2);
    /** The wall time a request to create a sailing may take on a busy machine. */
    private static final Duration REQUEST_ALLOWANCE = Duration.ofSeconds(10);

    private final LocalStack stack;
    private final PartnerApi api;
    private final Consumer<String> out;
    private final String run;
    private int sailings;
    private Instant lastSailing;

    public Scenario(LocalStack stack, PartnerApi api, Consumer<String> out) {
        this.stack = stack;
        this.api = api;
        this.out = out;
        this.run = Long.toString(Instant.now().getEpochSecond() % 1_000_000, 36).toUpperCase();
    }

    /** Contracts for the packs (procurement) and voyages for the cars (logistics operator). */
    public void prepareSupplyAndShipping() throws Exception {
        LocalDate today = LocalDate.ofInstant(stack.plantNow(), PLANT);
        String supplier = stack.serviceUrl("supplier-service") + "/api/v1/contracts";
        stockWeek(api.post("procurement", supplier, contract("LGES", today, "110.00", "USD", "KR", 61.5, DEMO_PACKS), 201), today);
        stockWeek(api.post("procurement", supplier, contract("CATL", today, "560.00", "CNY", "CN", null, DEMO_PACKS), 201), today);
        out.accept("  procurement: contracts with LG Energy Solution (Korean cells, carbon declared) and CATL (Chinese cells),"
                + " a week's packs of each received");

        Instant now = stack.plantNow();
        String voyages = stack.serviceUrl("logistics-service") + "/api/v1/voyages";
        for (int i = 0; i < 3; i++) {
            Instant departure = now.plus(Duration.ofDays(4 + 7L * i));
            api.post("logistics", voyages, voyage("GLOVIS-" + run + "-" + i, "Glovis Sirius", "RO_RO", "USLGB", departure,
                    Map.of("capacityCars", 6000)), 201);
            api.post("logistics", voyages, voyage("CMA-" + run + "-" + i, "CMA CGM Marco Polo", "CONTAINER", "FRLEH",
                    departure.plus(Duration.ofDays(1)), Map.of("containers", 40)), 201);
            api.post("logistics", voyages, voyage("HOEGH-" + run + "-" + i, "Hoegh Target", "RO_RO", "CAVAN",
                    departure.plus(Duration.ofDays(2)), Map.of("capacityCars", 4000)), 201);
        }
        out.accept("  logistics: weekly Ro-Ro sailings to Long Beach and Vancouver, a container service to Le Havre");
    }

    /**
     * Contracts for a volume of orders: Korean cells with a carbon declaration (good for every market), sized to the
     * line with room to spare.
     */
    public void prepareVolumeSupply() throws Exception {
        LocalDate today = LocalDate.ofInstant(stack.plantNow(), PLANT);
        String supplier = stack.serviceUrl("supplier-service") + "/api/v1/contracts";
        stockWeek(api.post("procurement", supplier, contract("LGES", today, "110.00", "USD", "KR", 60.0, VOLUME_PACKS), 201), today);
        stockWeek(api.post("procurement", supplier, contract("SDI", today, "105.00", "USD", "KR", 60.0, VOLUME_PACKS), 201), today);
        out.accept("  procurement: LGES and SDI contracts for " + VOLUME_PACKS.committed() + " packs a month each, a week's"
                + " packs of each received");
    }

    /**
     * The contract's weekly packs received today (a delivery confirmed in one step), so the plant builds from real stock
     * at once; the suppliers' simulator of the local run ships and receives every week after.
     */
    private void stockWeek(JsonNode contract, LocalDate today) throws Exception {
        String supplier = contract.get("terms").get("supplier").asText();
        int packs = contract.get("weeklyCommittedPacks").asInt();
        String prefix = supplier + "-" + run + "-";
        api.post("procurement", stack.serviceUrl("supplier-service")
                        + "/api/v1/contracts/" + contract.get("id").asText() + "/deliveries",
                Map.of("packs", packs, "serialFrom", prefix + "000001", "serialTo", prefix + String.format("%06d", packs),
                        "deliveredOn", today.toString()), 201);
    }

    /** One supplier's contract for {@code monthlyPacks} packs a month from last week on for a year; its id. */
    public String contractFor(String supplier, int monthlyPacks) throws Exception {
        LocalDate today = LocalDate.ofInstant(stack.plantNow(), PLANT);
        JsonNode contract = api.post("procurement", stack.serviceUrl("supplier-service") + "/api/v1/contracts",
                contract(supplier, today, "110.00", "USD", "KR", 60.0, new Packs(monthlyPacks, 0, monthlyPacks)), 201);
        out.accept("  procurement: " + supplier + " contract for " + monthlyPacks + " packs a month");
        return contract.get("id").asText();
    }

    /** Procurement amends the contract to start {@code delay} later than it did: that much supply is gone. */
    public void delayStart(String contractId, Period delay) throws Exception {
        String url = stack.serviceUrl("supplier-service") + "/api/v1/contracts/" + contractId;
        JsonNode contract = api.get("procurement", url);
        ObjectNode terms = contract.get("terms").deepCopy();
        terms.put("validFrom", LocalDate.parse(terms.get("validFrom").asText()).plus(delay).toString());
        api.put("procurement", url, terms, Map.of("If-Match", contract.get("version").asText()), 200);
    }

    /**
     * The planner opens the plan to {@code weeks} weeks ahead (the calendar's longest horizon is 104), so a burst of
     * a year's orders is slotted at once instead of waiting blocked for the horizon to reach it.
     */
    public void openHorizon(int weeks) throws Exception {
        String calendar = stack.serviceUrl("production-service") + "/api/v1/calendar";
        // The history lists the stored versions, newest first; none yet: the built-in default, version 0.
        JsonNode history = api.get("planner", calendar + "/history");
        JsonNode current = history.isEmpty() ? api.get("planner", calendar) : history.get(0).get("calendar");
        String version = history.isEmpty() ? "0" : history.get(0).get("version").asText();
        ObjectNode changed = current.deepCopy();
        changed.put("horizonWeeks", weeks);
        api.put("planner", calendar, changed, Map.of("If-Match", version), 200);
        out.accept("  planner: plan horizon opened to " + weeks + " weeks");
    }

    /**
     * Sailings every two plant days to Long Beach (Ro-Ro, 1,000 cars) and Le Havre (340 containers), from three days
     * ahead until {@code ahead} of the plant clock. Called again, it adds the sailings the clock has come to need,
     * as a logistics operator keeps the schedule ahead of the plant: the accelerated clock runs faster on a busy
     * machine, so a fixed schedule could end before the last car is built. Korean cars need none (trucks). Each
     * create carries an Idempotency-Key and is repeated for up to {@code patience} while logistics-service restarts.
     */
    public synchronized void keepSailingsAhead(Duration ahead, Duration patience) throws Exception {
        Instant until = stack.plantNow().plus(ahead);
        Instant departure = lastSailing == null ? Instant.MIN : lastSailing.plus(SAILING_INTERVAL);
        while (true) {
            // the clock runs on while the sailings are created (two plant days a wall second in the flow
            // benchmark): each departure keeps its lead time from the clock as it is at its request
            Instant earliest = stack.plantNow().plus(leadTime());
            departure = departure.isBefore(earliest) ? earliest : departure;
            if (departure.isAfter(until)) {
                return;
            }
            sail(voyage("RORO-" + run + "-" + ++sailings, "Glovis Sirius", "RO_RO", "USLGB", departure,
                    Map.of("capacityCars", 1000)), patience);
            sail(voyage("BOX-" + run + "-" + sailings, "CMA CGM Marco Polo", "CONTAINER", "FRLEH", departure,
                    Map.of("containers", 340)), patience);
            lastSailing = departure;
            departure = departure.plus(SAILING_INTERVAL);
        }
    }

    /**
     * How far ahead of the plant clock a new sailing departs: {@link #FIRST_SAILING}, or more where the clock is so
     * fast that a request on a busy machine (seconds) would see that departure already passed.
     */
    private Duration leadTime() {
        Duration busyRequest = Duration.ofMillis((long) (REQUEST_ALLOWANCE.toMillis() * stack.options().acceleration()));
        return busyRequest.compareTo(FIRST_SAILING) > 0 ? busyRequest : FIRST_SAILING;
    }

    /**
     * Creates the voyage. A request that waited longer than its lead time on a starved machine finds its departure
     * passed by the accelerated clock (400, "must be in the future"): the voyage is asked for again, departing the
     * lead time after the clock as it is then.
     */
    private void sail(Map<String, Object> voyage, Duration patience) throws Exception {
        while (true) {
            PartnerApi.Answer answer = api.callUntilAnswered("logistics", stack.serviceUrl("logistics-service") + "/api/v1/voyages",
                    voyage, Map.of("Idempotency-Key", UUID.randomUUID().toString()), patience);
            if (answer.status() == 201) {
                return;
            }
            Instant asked = Instant.parse((String) voyage.get("departure"));
            if (answer.status() != 400 || asked.isAfter(stack.plantNow())) {
                throw new IllegalStateException("voyage " + voyage.get("code") + " answered " + answer.status() + ": " + answer.body());
            }
            out.accept("  logistics: voyage " + voyage.get("code") + " was asked for too late (the clock passed " + asked
                    + "); asking again");
            voyage.put("departure", stack.plantNow().plus(leadTime()).toString());
        }
    }

    /** Places one order as Polestar's order system, to be built as soon as possible, and returns its id. */
    public Placed place(String label, String market, String variant, List<String> packs) throws Exception {
        return place(label, market, variant, packs, null);
    }

    /** Places one order to be built in {@code weeksAhead} weeks (plant time) or later; null: as soon as possible. */
    public Placed place(String label, String market, String variant, List<String> packs, Integer weeksAhead)
            throws Exception {
        JsonNode placed = api.post(BRAND_SYSTEM, stack.serviceUrl("order-service") + "/api/v1/orders",
                order(label, market, variant, packs, weeksAhead), 201);
        return new Placed(label, placed.get("id").asText());
    }

    /**
     * Places one order per market given (at most 1,000) in one batch call, Long Range Dual Motors with the Plus
     * pack, labelled {@code label-index}. The call carries an Idempotency-Key, so it is repeated for up to
     * {@code patience} while order-service does not answer: a repeat after a commit returns the first result.
     * Fails unless every item is placed.
     */
    public List<Placed> placeBatch(String label, List<String> markets, Duration patience) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            items.add(order(label + "-" + i, markets.get(i), "LONG_RANGE_DUAL_MOTOR", List.of("PLUS"), null));
        }
        PartnerApi.Answer answer = api.callUntilAnswered(BRAND_SYSTEM, stack.serviceUrl("order-service") + "/api/v1/orders/batch",
                Map.of("items", items), Map.of("Idempotency-Key", UUID.randomUUID().toString()), patience);
        if (answer.status() != 200 || answer.body().get("rejected").asInt() > 0) {
            throw new IllegalStateException("batch " + label + " answered " + answer.status() + ": " + answer.body());
        }
        List<Placed> placed = new ArrayList<>();
        for (JsonNode item : answer.body().get("items")) {
            placed.add(new Placed(label + "-" + item.get("index").asInt(), item.get("orderId").asText()));
        }
        return placed;
    }

    /** Asks to cancel an order, repeating the request for up to {@code patience} while order-service does not answer. */
    public Cancel cancel(Placed order, String reason, Duration patience) throws Exception {
        PartnerApi.Answer answer = api.callUntilAnswered(BRAND_SYSTEM,
                stack.serviceUrl("order-service") + "/api/v1/orders/" + order.id() + "/cancel", Map.of("reason", reason),
                Map.of(), patience);
        return new Cancel(order, answer.status(), answer.body());
    }

    private Map<String, Object> order(String label, String market, String variant, List<String> packs,
            Integer weeksAhead) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("brandReference", "DEMO-" + run + "-" + label);
        order.put("variant", variant);
        order.put("exteriorColour", "SNOW");
        order.put("interior", "CHARCOAL_TAILORED_KNIT");
        order.put("optionPacks", packs);
        order.put("wheels", "ALLOY_21");
        order.put("market", market);
        if (weeksAhead != null) {
            LocalDate week = LocalDate.ofInstant(stack.plantNow(), PLANT).plusWeeks(weeksAhead);
            order.put("requestedWeek", String.format("%d-W%02d", week.get(IsoFields.WEEK_BASED_YEAR),
                    week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }
        return order;
    }

    /**
     * Asks to cancel an order as Polestar's order system: a request the plant decides, so the answer is 202 with the
     * order's {@code cancellation} REQUESTED.
     */
    public JsonNode requestCancel(Placed order, String reason) throws Exception {
        JsonNode requested = api.post(BRAND_SYSTEM, orderUrl(order) + "/cancel", Map.of("reason", reason), 202);
        out.accept("  polestar: asked to cancel order " + order.label() + ": " + requested.path("cancellation").path("status").asText());
        return requested;
    }

    /** Polls the order until the plant has decided its cancel request (CANCELLED or REFUSED); returns the order. */
    public JsonNode awaitCancelDecision(Placed order, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode view = api.get(BRAND_SYSTEM, orderUrl(order));
            String decision = view.path("cancellation").path("status").asText();
            if (!decision.equals("REQUESTED")) {
                out.accept("  [plant] " + order.label() + " cancel " + decision + " (order " + view.get("status").asText() + ")");
                return view;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the cancel of " + order.label() + " was not decided within " + timeout.toSeconds() + " s");
    }

    private String orderUrl(Placed order) {
        return stack.serviceUrl("order-service") + "/api/v1/orders/" + order.id();
    }

    public List<Placed> placeDemoOrders() throws Exception {
        List<Placed> orders = new ArrayList<>();
        orders.add(place("US-1", "US", "LONG_RANGE_DUAL_MOTOR", List.of("PLUS", "PILOT")));
        orders.add(place("US-2", "US", "LONG_RANGE_SINGLE_MOTOR", List.of("PLUS")));
        orders.add(place("CA-1", "CA", "LONG_RANGE_DUAL_MOTOR", List.of("PERFORMANCE")));
        orders.add(place("DE-1", "DE", "LONG_RANGE_DUAL_MOTOR", List.of("PLUS")));
        orders.add(place("FR-1", "FR", "LONG_RANGE_SINGLE_MOTOR", List.of()));
        orders.add(place("KR-1", "KR", "LONG_RANGE_DUAL_MOTOR", List.of("PILOT")));
        orders.forEach(o -> out.accept("  polestar: placed order " + o.label() + " (" + o.id() + ")"));
        return orders;
    }

    /** Polls each order, printing every change of status, until all have arrived; returns their last views. */
    public Map<String, JsonNode> followUntilArrived(List<Placed> orders, Duration timeout) throws Exception {
        Map<String, String> lastStatus = new HashMap<>();
        Map<String, JsonNode> views = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            boolean allArrived = true;
            for (Placed order : orders) {
                JsonNode view = api.get(BRAND_SYSTEM, orderUrl(order));
                views.put(order.label(), view);
                String status = view.get("status").asText();
                if (!status.equals(lastStatus.put(order.label(), status))) {
                    out.accept(String.format("  [plant %s] %-5s %-13s %s", LocalDate.ofInstant(stack.plantNow(), PLANT),
                            order.label(), status, describe(view)));
                }
                allArrived &= status.equals("ARRIVED");
            }
            if (allArrived) {
                return views;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not every order arrived within " + timeout.toSeconds() + " s: " + lastStatus);
    }

    private static String describe(JsonNode view) {
        return switch (view.get("status").asText()) {
            case "SCHEDULED" -> "build planned for " + view.path("plannedDate").asText();
            case "BLOCKED" -> view.path("blockedReason").asText();
            case "BUILT", "IN_PRODUCTION" -> view.hasNonNull("vin") ? "VIN " + view.get("vin").asText() : "";
            case "SHIPPED" -> "on " + view.path("shipment").path("vessel").asText(view.path("shipment").path("mode").asText())
                    + " to " + view.path("shipment").path("destinationPort").asText("KR") + ", ETA " + view.path("eta").asText();
            case "ARRIVED" -> "VIN " + view.path("vin").asText() + " at " + view.path("eta").asText();
            default -> "";
        };
    }

    private static Map<String, Object> contract(String supplier, LocalDate today, String price, String currency,
            String cellOrigin, Double carbon, Packs packs) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("supplier", supplier);
        terms.put("status", "ACTIVE");
        terms.put("validFrom", today.minusWeeks(1).toString());
        terms.put("validTo", today.plusYears(10).toString());
        terms.put("packSpec", Map.of("capacityKwh", 100.0, "chemistry", "NMC"));
        terms.put("monthlyCommittedPacks", packs.committed());
        terms.put("flexRange", Map.of("minPacks", packs.flexMin(), "maxPacks", packs.flexMax()));
        terms.put("pricePerKwh", Map.of("amount", price, "currency", currency));
        terms.put("cellOrigin", cellOrigin);
        terms.put("packOrigin", cellOrigin);
        terms.put("carbonFootprintKgCo2ePerKwh", carbon);
        terms.put("passport", passportFacts(supplier, cellOrigin));
        return terms;
    }

    /**
     * Every battery passport fact a complete passport needs (docs/supplier-service.md, "Battery passport"), so the
     * demo's and the end-to-end tests' EU-bound cars are not held for an incomplete passport. Illustrative values.
     */
    private static Map<String, Object> passportFacts(String supplier, String country) {
        String site = "https://" + supplier.toLowerCase(Locale.ROOT) + ".example";
        return Map.ofEntries(Map.entry("batteryModel", supplier + "-P4-100"), Map.entry("manufacturerName", supplier),
                Map.entry("manufacturerAddress", supplier + " headquarters, " + country),
                Map.entry("manufacturingPlace", supplier + " pack plant, " + country), Map.entry("weightKg", 650.0),
                Map.entry("nominalVoltageV", 400.0), Map.entry("minVoltageV", 300.0), Map.entry("maxVoltageV", 460.0),
                Map.entry("originalPowerKw", 300.0), Map.entry("expectedLifetimeCycles", 2000),
                Map.entry("expectedLifetimeReferenceTest", "IEC 62660-1:2018 cycle life test"),
                Map.entry("cycleLifeTestCRate", 0.33), Map.entry("capacityThresholdForExhaustionPct", 70.0),
                Map.entry("idleTemperatureRange", Map.of("minC", -40.0, "maxC", 60.0)),
                Map.entry("calendarLifeWarrantyYears", 8),
                Map.entry("roundTripEfficiency", Map.of("initialPct", 95.0, "at50PctCycleLifePct", 93.0)),
                Map.entry("internalResistance", Map.of("cellMilliohm", 0.6, "packMilliohm", 95.0)),
                Map.entry("hazardousSubstances", List.of("LiPF6")),
                Map.entry("criticalRawMaterials", List.of("cobalt", "lithium", "nickel", "natural graphite")),
                Map.entry("extinguishingAgent", "water"),
                Map.entry("recycledContent", Map.of("cobaltPct", 16.0, "lithiumPct", 6.0, "nickelPct", 6.0, "leadPct", 0.0)),
                Map.entry("renewableContentPct", 0.0), Map.entry("carbonFootprintClass", "B"), Map.entry("carbonFootprintStudyUrl", site + "/carbon-footprint"),
                Map.entry("dueDiligenceReportUrl", site + "/due-diligence"),
                Map.entry("detailedComposition", Map.of("cathode", "NMC811", "anode", "graphite", "electrolyte", "LiPF6 in EC/EMC")),
                Map.entry("sparePartsContact", "parts@" + supplier.toLowerCase(Locale.ROOT) + ".example"),
                Map.entry("dismantlingInfoUrl", site + "/dismantling"), Map.entry("safetyInstructionsUrl", site + "/safety"));
    }

    private static Map<String, Object> voyage(String code, String vessel, String mode, String port, Instant departure,
            Map<String, Object> capacity) {
        Map<String, Object> voyage = new LinkedHashMap<>();
        voyage.put("code", code);
        voyage.put("vessel", vessel);
        voyage.put("mode", mode);
        voyage.put("destinationPort", port);
        voyage.put("departure", departure.toString());
        voyage.put("transitDays", mode.equals("CONTAINER") ? 30 : 14);
        voyage.putAll(capacity);
        return voyage;
    }
}
