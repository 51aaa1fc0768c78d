package com.busanev.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the whole suite, prints what a person needs, runs the demo scenario and keeps
 * serving until Ctrl-C, then stops everything it started.
 */
public final class Launcher {
    private static final String USAGE = """
            usage: run-local.sh [--help] [--reset] [--build] [--no-scenario] [--acceleration FACTOR] [--root DIR] [--run-dir DIR]
                                [--postgres-port N] [--kafka-port N] [--keycloak-port N] [--keycloak-management-port N]
                                [--order-service-port N] [--production-service-port N] [--logistics-service-port N]
                                [--supplier-service-port N] [--control-tower-port N]""";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Path runDir = root.resolve(options.getOrDefault("--run-dir", ".run"));
        double acceleration = Double.parseDouble(options.getOrDefault("--acceleration", "43200"));
        boolean scenario = !options.containsKey("--no-scenario");
        Files.createDirectories(runDir);

        Instant now = Instant.now();
        Instant anchor = LocalStack.resumingAnchor(runDir, acceleration, now);
        LocalStack.Options stackOptions = new LocalStack.Options(root, runDir, ports(options), acceleration, anchor);
        System.out.println("Busan EV partnership suite: local run (data in " + runDir + ")");
        if (anchor.isBefore(now)) {
            System.out.println("  the plant clock resumes where the last run stopped (--reset starts over)");
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(stackOptions, line -> System.out.println("  " + line));
        } catch (Exception e) {
            System.err.println("\nThe suite did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        printInfo(stack);
        if (scenario) {
            runScenario(stack);
        }
        System.out.println("\nServing until Ctrl-C.");
        CountDownLatch forever = new CountDownLatch(1);
        forever.await();
    }

    /** The default ports, each replaceable by its option. */
    private static StackPorts ports(Map<String, String> options) {
        StackPorts defaults = StackPorts.defaults();
        Map<String, Integer> services = new LinkedHashMap<>();
        defaults.services().forEach((service, port) -> services.put(service, port(options, "--" + service + "-port", port)));
        return new StackPorts(port(options, "--postgres-port", defaults.postgres()),
                port(options, "--kafka-port", defaults.kafka()),
                port(options, "--keycloak-port", defaults.keycloak()),
                port(options, "--keycloak-management-port", defaults.keycloakManagement()), services,
                port(options, "--control-tower-port", defaults.controlTower()));
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    /** Options with a value, and the flags (mapped to ""); anything else is refused rather than ignored. */
    private static Map<String, String> parse(String[] args) {
        List<String> valued = new ArrayList<>(List.of("--root", "--run-dir", "--acceleration", "--postgres-port",
                "--kafka-port", "--keycloak-port", "--keycloak-management-port", "--control-tower-port"));
        StackPorts.defaults().services().keySet().forEach(service -> valued.add("--" + service + "-port"));
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-scenario")) {
                options.put(name, "");
            } else if (valued.contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option or missing value: " + name);
            }
        }
        options.forEach((name, value) -> {
            boolean valid = switch (name) {
                case "--acceleration" -> value.matches("\\d+(\\.\\d+)?") && Double.parseDouble(value) >= 1;
                default -> !name.endsWith("-port")
                        || value.matches("\\d{1,5}") && Integer.parseInt(value) > 0 && Integer.parseInt(value) <= 65535;
            };
            if (!valid) {
                throw new IllegalArgumentException(name + " " + value + ": not a valid "
                        + (name.endsWith("-port") ? "port" : "factor (1 or more)"));
            }
        });
        return options;
    }

    private static void runScenario(LocalStack stack) {
        System.out.println("\nDemo scenario (plant clock " + (long) stack.options().acceleration() + "x: a plant day every "
                + Math.round(86_400 / stack.options().acceleration()) + " s)");
        try {
            Scenario demo = new Scenario(stack, new PartnerApi(stack.keycloakUrl()), System.out::println);
            demo.prepareSupplyAndShipping();
            var orders = demo.placeDemoOrders();
            demo.followUntilArrived(orders, Duration.ofMinutes(5));
            System.out.println("  every demo order arrived: see GET /api/v1/orders/{id} for its timeline");
        } catch (Exception e) {
            System.out.println("  the scenario stopped: " + e.getMessage() + " (the suite keeps running; logs in "
                    + stack.options().runDir().resolve("logs") + ")");
        }
    }

    private static void printInfo(LocalStack stack) {
        String realm = stack.keycloakUrl() + "/realms/" + KeycloakServer.REALM;
        System.out.println("""

                The suite is up.
                  Control tower %s (sign in as a demo user)
                  Swagger UI    order-service       %s/q/swagger-ui
                                production-service  %s/q/swagger-ui
                                logistics-service   %s/q/swagger-ui
                                supplier-service    %s/q/swagger-ui
                  Keycloak      %s (admin console: admin / admin), realm %s
                  Demo users    (password = user name) polestar-buyer, planner, floor, logistics,
                                procurement, lges, sdi, viewer
                  Get a token   curl -s -d grant_type=password -d client_id=ev-cli -d username=polestar-buyer \\
                                  -d password=polestar-buyer %s/protocol/openid-connect/token | jq -r .access_token
                  Logs          %s
                """.formatted(stack.controlTowerUrl(), stack.serviceUrl("order-service"), stack.serviceUrl("production-service"),
                stack.serviceUrl("logistics-service"), stack.serviceUrl("supplier-service"), stack.keycloakUrl(),
                KeycloakServer.REALM, realm, stack.options().runDir().resolve("logs")));
        System.out.println("  Service start (process start to ready) and resident memory after start:");
        stack.serviceStarts().forEach(s -> System.out.printf("    %-19s %5.1f s  %4d MiB%n", s.service(),
                s.startTime().toMillis() / 1000.0, s.rssMiB()));
    }
}
