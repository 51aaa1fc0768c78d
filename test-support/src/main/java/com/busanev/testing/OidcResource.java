package com.busanev.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * An OIDC provider for tests: serves discovery and the JWKS whose private key {@link Tokens} signs with, and
 * points the service at it (test-resource config outranks application.properties).
 */
public class OidcResource extends OidcWiremockTestResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus/");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        return config;
    }
}
