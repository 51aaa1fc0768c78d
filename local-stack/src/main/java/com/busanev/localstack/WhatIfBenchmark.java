package com.busanev.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Supply what-ifs at volume: two suppliers' contracts (LGES and SDI, {@code monthly} packs a month each) feed a plan
 * opened to 104 weeks, {@code builds} orders are placed and planned; once the chain is quiet, a planner asks
 * production-service's {@code POST /api/v1/what-if} three questions (SDI delivers 30% less from 4 weeks ahead,
 * LGES's EU packs end after 10 weeks, a new NA source of 500 packs a week from 2 weeks ahead) {@code rounds} times
 * each, one after the other, as a planner trying several in a minute would. Timed: each call, from the request
 * to the whole answer read (a real Keycloak token, the read of the plan, the replay, the JSON).
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.WhatIfBenchmark [builds] [rounds] [monthly]}.
 */
public final class WhatIfBenchmark {
    private static final ZoneId PLANT = ZoneId.of("Asia/Seoul");

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int monthly = args.length > 2 ? Integer.parseInt(args[2]) : 6_000;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path runDir = RunDirectory.create(root, "what-if-");
        // The supplier allocates as far ahead as the plant plans; sequencing is not what is measured here.
        LocalStack.Options options = new LocalStack.Options(root, runDir, StackPorts.free(), 1, Instant.now())
                .withSettings(Map.of("SUPPLIER_PLAN_HORIZON_WEEKS", "104",
                        "PRODUCTION_SEQUENCING_REFRESH_INTERVAL", "disabled"));
        try (LocalStack stack = LocalStack.start(options, line -> System.out.println("  " + line));
                ChainProgress progress = new ChainProgress(stack)) {
            PartnerApi api = new PartnerApi(stack.keycloakUrl());
            Scenario scenario = new Scenario(stack, api, line -> System.out.println("  " + line));
            scenario.contractFor("LGES", monthly);
            scenario.contractFor("SDI", monthly);
            scenario.openHorizon(104);
            for (int from = 0; from < builds; from += 1000) {
                List<String> markets = new ArrayList<>();
                for (int i = from; i < Math.min(builds, from + 1000); i++) {
                    markets.add(switch (i % 3) {
                        case 0 -> "US";
                        case 1 -> "DE";
                        default -> "KR";
                    });
                }
                scenario.placeBatch("WHATIF-" + from, markets, Duration.ofMinutes(1));
                if ((from / 1000) % 20 == 19) {
                    progress.print();
                }
            }
            System.out.println(builds + " orders placed; waiting for the plan to settle");
            SupplyCutBenchmark.awaitQuiet(stack, progress, Instant.EPOCH);
            ChainProgress.Reading settled = progress.print();

            String url = stack.serviceUrl("production-service") + "/api/v1/what-if";
            Map<String, List<Duration>> timings = new LinkedHashMap<>();
            for (Map.Entry<String, Object> question : questions(stack).entrySet()) {
                for (int round = 1; round <= rounds; round++) {
                    Instant asked = Instant.now();
                    JsonNode answer = api.post("planner", url + "?limit=100", question.getValue(), 200);
                    Duration took = Duration.between(asked, Instant.now());
                    timings.computeIfAbsent(question.getKey(), k -> new ArrayList<>()).add(took);
                    JsonNode totals = answer.get("totals");
                    System.out.printf("what-if \"%s\" round %d: %d ms; packs %s; slipped %d, newly blocked %d, unblocked %d "
                                    + "in %d markets%n", question.getKey(), round, took.toMillis(), packs(answer),
                            totals.get("slipped").asInt(), totals.get("newlyBlocked").asInt(), totals.get("unblocked").asInt(),
                            answer.get("markets").size());
                }
            }
            System.out.printf("what-if at %d orders (%d holding a slot): medians %s%n", builds, settled.scheduled(),
                    timings.entrySet().stream().map(t -> t.getKey() + " " + median(t.getValue()).toMillis() + " ms").toList());
        }
        RunDirectory.keepLogsOnly(runDir);
        System.exit(0);
    }

    /** The three questions, their weeks counted from the plant's current week. */
    private static Map<String, Object> questions(LocalStack stack) {
        LocalDate today = LocalDate.ofInstant(stack.plantNow(), PLANT);
        Map<String, Object> questions = new LinkedHashMap<>();
        questions.put("SDI -30% from +4 weeks", Map.of("changes", List.of(Map.of("type", "SUPPLIER_CUT", "supplier", "SDI",
                "percent", 30, "fromWeek", week(today.plusWeeks(4))))));
        questions.put("LGES EU ends after +10 weeks", Map.of("changes", List.of(Map.of("type", "CONTRACT_ENDS",
                "supplier", "LGES", "region", "EU", "afterWeek", week(today.plusWeeks(10))))));
        questions.put("new NA source 500/week from +2 weeks", Map.of("changes", List.of(Map.of("type", "NEW_SUPPLIER",
                "region", "NA", "packsPerWeek", 500, "fromWeek", week(today.plusWeeks(2))))));
        return questions;
    }

    private static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static List<Integer> packs(JsonNode answer) {
        List<Integer> packs = new ArrayList<>();
        answer.get("changes").forEach(change -> packs.add(change.get("packs").asInt()));
        return packs;
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
