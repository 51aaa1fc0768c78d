package com.busanev.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports the local stack listens on. The local run uses fixed ones; tests take free ones. The control tower, the
 * web application on top of the four services, has its own port apart from theirs.
 */
public record StackPorts(int postgres, int kafka, int keycloak, int keycloakManagement, Map<String, Integer> services,
        int controlTower) {

    public static StackPorts defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("order-service", 8081);
        services.put("production-service", 8082);
        services.put("logistics-service", 8083);
        services.put("supplier-service", 8084);
        return new StackPorts(15432, 19092, 8180, 9180, services, 8080);
    }

    public static StackPorts free() {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String service : defaults().services().keySet()) {
            services.put(service, freePort());
        }
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), services, freePort());
    }

    /** Fails naming the first port something else already listens on. */
    public void requireFree() {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("PostgreSQL", postgres);
        all.put("Kafka", kafka);
        all.put("Keycloak", keycloak);
        all.put("Keycloak management", keycloakManagement);
        all.putAll(services);
        all.put("control tower", controlTower);
        all.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("localhost", port));
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " (" + what + ") is taken: stop what listens there "
                        + "(e.g. `ss -ltnp 'sport = :" + port + "'`) or a local stack that is still running.");
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
