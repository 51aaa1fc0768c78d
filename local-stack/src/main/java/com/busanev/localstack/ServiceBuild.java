package com.busanev.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order-service build a benchmark runs side by side with others (for instance before and after a change): its
 * module directory, holding {@code target/quarkus-app}, and environment variables of its own.
 */
record ServiceBuild(Path service, Map<String, String> env) {
    /** {@code dir[,NAME=value...]}. */
    static ServiceBuild of(String spec) {
        String[] parts = spec.split(",");
        Map<String, String> env = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] variable = parts[i].split("=", 2);
            env.put(variable[0], variable[1]);
        }
        return new ServiceBuild(Path.of(parts[0]).toAbsolutePath().normalize(), env);
    }

    /**
     * The builds the arguments from {@code first} on name ({@code label=dir[,NAME=value...]}), in their order; this
     * checkout's order-service, labelled {@code this}, when they name none.
     */
    static Map<String, ServiceBuild> fromArgs(String[] args, int first, Path root) {
        Map<String, ServiceBuild> builds = new LinkedHashMap<>();
        for (int i = first; i < args.length; i++) {
            String[] label = args[i].split("=", 2);
            builds.put(label[0], of(label[1]));
        }
        if (builds.isEmpty()) {
            builds.put("this", new ServiceBuild(root.resolve("order-service"), Map.of()));
        }
        return builds;
    }

    /**
     * What order-service needs to run on a database of the stack's PostgreSQL and its Kafka, then the build's own
     * variables. No REST call is made, so no Keycloak is needed.
     */
    Map<String, String> environment(int port, PostgresServer postgres, String database, KafkaServer kafka) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.putAll(postgres.datasourceEnvironment(database));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
        environment.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        environment.putAll(env);
        return environment;
    }

    Path jar() {
        return service.resolve("target/quarkus-app/quarkus-run.jar");
    }
}
