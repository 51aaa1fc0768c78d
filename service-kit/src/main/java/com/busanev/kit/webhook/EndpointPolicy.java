package com.busanev.kit.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs may be webhook endpoints. Outside the local run and tests only https:// URLs whose host resolves to
 * public addresses only: a partner must not make the service call into its own network (SSRF: loopback, private,
 * link-local, carrier-grade NAT, unique-local, multicast or unspecified addresses). The host is resolved at
 * registration and again before every request, since DNS can change in between. Resolving blocks: call from a
 * worker thread.
 */
public final class EndpointPolicy {
    static final int MAX_URL_LENGTH = 2000;

    /** Resolves a host name; {@link InetAddress#getAllByName} but for tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean requireHttps;
    private final Set<String> allowedPrivateHosts;
    private final Resolver resolver;

    EndpointPolicy(boolean requireHttps, Set<String> allowedPrivateHosts, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowedPrivateHosts = allowedPrivateHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    static EndpointPolicy of(WebhookConfig.Endpoints config) {
        return new EndpointPolicy(config.requireHttps(), config.allowedPrivateHosts().orElse(Set.of()),
                InetAddress::getAllByName);
    }

    /** Why the URL cannot be an endpoint, or empty if it can. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(requireHttps ? "must be an https:// URL" : "must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedPrivateHosts.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to a non-public address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:0:0/96 mapped IPv4 is returned as an Inet4Address by Java already
            return (bytes[0] & 0xfe) != 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved
        return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second & 0xfe) == 18)
                && first < 240;
    }
}
