package com.busanev.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * RS256-signed access tokens shaped like the ev-partnership realm's (realm roles, brand and supplier claims),
 * signed with the key whose public half {@code OidcWiremockTestResource} serves as the JWKS. {@link #forged()}
 * signs the same claims with another key, which the service must reject.
 */
public final class Tokens {
    public static final String ISSUER = "https://server.example.com";

    private final String user;
    private List<String> roles = List.of();
    private String brand;
    private String supplier;
    private long lifetimeSeconds = 3600;

    private Tokens(String user) {
        this.user = user;
    }

    public static Tokens user(String user) {
        return new Tokens(user);
    }

    public Tokens roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public Tokens brand(String brand) {
        this.brand = brand;
        return this;
    }

    public Tokens supplier(String supplier) {
        this.supplier = supplier;
        return this;
    }

    public Tokens expiresIn(long seconds) {
        this.lifetimeSeconds = seconds;
        return this;
    }

    public String sign() {
        return claims().jws().keyId("1").sign("privateKey.jwk");
    }

    public String forged() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims().jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JwtClaimsBuilder claims() {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(user)
                .preferredUserName(user)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(lifetimeSeconds);
        if (brand != null) {
            claims.claim("brand", brand);
        }
        if (supplier != null) {
            claims.claim("supplier", supplier);
        }
        return claims;
    }
}
