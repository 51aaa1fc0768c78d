package com.busanev.kit.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SSRF policy as deployed (https only, public addresses only), with a resolver of fixed answers. */
class EndpointPolicyTest {
    private static final Map<String, String> DNS = Map.of(
            "partner.example", "203.0.113.10",
            "internal.example", "10.0.0.5",
            "rebound.example", "127.0.0.1",
            "metadata.example", "169.254.169.254",
            "cgnat.example", "100.64.1.1",
            "ula.example", "fd00::1",
            "public6.example", "2001:db8::1");
    private final EndpointPolicy deployed = new EndpointPolicy(true, Set.of(), EndpointPolicyTest::resolve);

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertThat(deployed.refusal("https://partner.example/hooks/busan?x=1")).isEmpty();
        assertThat(deployed.refusal("https://public6.example/hook")).isEmpty();
        assertThat(deployed.refusal("https://203.0.113.10:8443/hook")).isEmpty();
    }

    @Test
    void plainHttpAndOtherSchemesAreRefused() {
        assertThat(deployed.refusal("http://partner.example/hook")).hasValue("must be an https:// URL");
        assertThat(deployed.refusal("ftp://partner.example/hook")).hasValue("must be an https:// URL");
        assertThat(deployed.refusal("partner.example/hook")).hasValue("must be an https:// URL");
    }

    @Test
    void hostsResolvingToNonPublicAddressesAreRefused() {
        for (String host : new String[] {"internal.example", "rebound.example", "metadata.example", "cgnat.example",
                "ula.example", "127.0.0.1", "[::1]", "0.0.0.0", "192.168.1.1", "172.16.0.1", "224.0.0.1", "[fe80::1]"}) {
            assertThat(deployed.refusal("https://" + host + "/hook")).as(host).get().asString()
                    .startsWith("resolves to a non-public address");
        }
    }

    @Test
    void malformedUrlsAreRefusedWithTheReason() {
        assertThat(deployed.refusal(null)).hasValue("is required");
        assertThat(deployed.refusal("https://partner.example/a b")).get().asString().startsWith("is not a URL");
        assertThat(deployed.refusal("https://user:pw@partner.example/hook")).hasValue("must not carry credentials");
        assertThat(deployed.refusal("https://nowhere.example/hook")).get().asString().startsWith("has a host that does not resolve");
        assertThat(deployed.refusal("https:///hook")).isPresent();
    }

    @Test
    void theLocalRunAllowsHttpAndItsOwnHostsOnly() {
        EndpointPolicy local = new EndpointPolicy(false, Set.of("localhost", "127.0.0.1"), EndpointPolicyTest::resolve);
        assertThat(local.refusal("http://localhost:9000/hook")).isEmpty();
        assertThat(local.refusal("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(local.refusal("http://internal.example/hook")).isPresent();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }
}
