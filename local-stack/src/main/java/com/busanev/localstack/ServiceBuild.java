package com.busanev.localstack;

import java.nio.file.Path;
import java.util.HashMap;
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
            String part = parts[i];
            Map.Entry<String, String> variable = BenchmarkArgs.setting(part)
                    .orElseThrow(() -> new IllegalArgumentException("a variable is NAME=value, not " + part));
            env.put(variable.getKey(), variable.getValue());
        }
        return new ServiceBuild(Path.of(parts[0]).toAbsolutePath().normalize(), env);
    }

    /**
     * What order-service needs to run on a database of the stack's PostgreSQL and its Kafka, then
     * {@link #ownEnvironment()}, in a map of the caller's to add to. No REST call is made, so no Keycloak is needed.
     */
    Map<String, String> environment(int port, PostgresServer postgres, String database, KafkaServer kafka) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.putAll(postgres.datasourceEnvironment(database));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
        environment.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        environment.putAll(ownEnvironment());
        return environment;
    }

    /** The build's own variables, then what the JVM image sets where they set nothing (as {@code LocalStack} starts its services). */
    Map<String, String> ownEnvironment() {
        return ServiceJvm.environment(env);
    }

    Path jar() {
        return service.resolve("target/quarkus-app/quarkus-run.jar");
    }
}
