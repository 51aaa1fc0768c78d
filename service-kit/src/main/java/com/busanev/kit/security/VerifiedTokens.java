package com.busanev.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Serves a bearer token's identity without verifying it again once quarkus-oidc has verified it, until the token
 * expires (at most {@link VerifiedTokensConfig#maxAge()}). A partner system sends the same token with every request
 * for its lifetime, and checking its RS256 signature and parsing it again was a quarter of order intake's CPU
 * (docs/benchmarks). The cache is keyed by the whole token, so a token that differs in any byte (a forged signature,
 * an altered claim) is verified afresh, and only an identity quarkus-oidc produced is ever put in it. An expired
 * token is refused as before: its entry expires with it. Revocation is unchanged: a JWT verified locally was never
 * checked against the realm per request. The services have one OIDC tenant; a service with several would have to
 * key the cache by tenant too.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {
    static final String CACHE_NAME = "verified-tokens";
    /** Tokens expire in real time, never on the service's clock (accelerated in the local run). */
    private static final Clock WALL = Clock.systemUTC();

    private final OidcIdentityProvider oidc;
    private final VerifiedTokensConfig config;
    private final Cache<String, Verified> cache;

    /** An identity as quarkus-oidc produced it, and when its token stops being valid. */
    private record Verified(SecurityIdentity identity, Instant expires) {
    }

    VerifiedTokens(OidcIdentityProvider oidc, VerifiedTokensConfig config, MeterRegistry registry) {
        this.oidc = oidc;
        this.config = config;
        this.cache = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(Expiry.creating((String token, Verified verified) ->
                        Duration.between(WALL.instant(), verified.expires())))
                .recordStats()
                .build(), CACHE_NAME);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before quarkus-oidc's own provider (the default priority, {@code SYSTEM_FIRST + 1}), which then only sees the
     * requests this one passes on.
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled() || !(request.getToken() instanceof AccessTokenCredential bearer)) {
            return Uni.createFrom().nullItem(); // quarkus-oidc handles it, as without this provider
        }
        Verified verified = cache.getIfPresent(bearer.getToken());
        if (verified != null) {
            return Uni.createFrom().item(forThisRequest(verified.identity(), request, context));
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(bearer.getToken(), identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
            Instant latest = WALL.instant().plus(config.maxAge());
            cache.put(token, new Verified(identity, expires.isBefore(latest) ? expires : latest));
        }
    }

    /** The cached identity with the request-bound attributes quarkus-oidc sets taken from this request. */
    private static SecurityIdentity forThisRequest(SecurityIdentity cached, TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(cached)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return identity.build();
    }
}
