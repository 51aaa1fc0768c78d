package com.busanev.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified bearer tokens ({@code kit.security.verified-tokens.*}); see {@link VerifiedTokens}. */
@ConfigMapping(prefix = "kit.security.verified-tokens")
public interface VerifiedTokensConfig {
    /** Off, every request's token is verified by quarkus-oidc afresh. */
    @WithDefault("true")
    boolean enabled();

    /** Distinct tokens held (a partner system reuses one token for its lifetime, so a few per partner). */
    @WithDefault("1000")
    long maxSize();

    /**
     * The longest a verified token is served from the cache, however late it expires: a signing key the realm
     * withdraws stops being honoured from the cache within this time.
     */
    @WithDefault("5m")
    Duration maxAge();
}
