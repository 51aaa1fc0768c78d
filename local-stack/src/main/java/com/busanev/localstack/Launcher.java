package com.busanev.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the whole suite, prints what a person needs, runs the demo scenario and keeps
 * serving until Ctrl-C, then stops everything it started.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of(option(args, "--root", ".")).toAbsolutePath().normalize();
        Path runDir = root.resolve(option(args, "--run-dir", ".run"));
        double acceleration = Double.parseDouble(option(args, "--acceleration", "43200"));
        boolean scenario = !List.of(args).contains("--no-scenario");
        Files.createDirectories(runDir);

        LocalStack.Options options = new LocalStack.Options(root, runDir, StackPorts.defaults(), acceleration, Instant.now());
        System.out.println("Busan EV partnership suite: local run (data in " + runDir + ")");
        LocalStack stack;
        try {
            stack = LocalStack.start(options, line -> System.out.println("  " + line));
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
                """.formatted(stack.serviceUrl("order-service"), stack.serviceUrl("production-service"),
                stack.serviceUrl("logistics-service"), stack.serviceUrl("supplier-service"), stack.keycloakUrl(),
                KeycloakServer.REALM, realm, stack.options().runDir().resolve("logs")));
        System.out.println("  Service start (process start to ready) and resident memory after start:");
        stack.serviceStarts().forEach(s -> System.out.printf("    %-19s %5.1f s  %4d MiB%n", s.service(),
                s.startTime().toMillis() / 1000.0, s.rssMiB()));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
