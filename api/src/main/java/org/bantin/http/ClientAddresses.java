package org.bantin.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;

/**
 * The reader's address, which rate limits count by. It is the connection's address, unless the
 * connection comes from a trusted proxy: then it is the rightmost X-Forwarded-For address that
 * is not a trusted proxy, because each proxy appends the address it saw and everything to the
 * left of the last trusted one was written by the client.
 */
@ApplicationScoped
@Startup
public class ClientAddresses {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final boolean forwarding;
    private final List<IpSubnetFilterRule> trustedProxies;

    ClientAddresses(@ConfigProperty(name = "bantin.proxy.forwarding") boolean forwarding,
            @ConfigProperty(name = "bantin.proxy.trusted") Optional<List<String>> trustedProxies,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding") boolean quarkusForwarding) {
        if (quarkusForwarding) {
            // Quarkus' own forwarding takes the leftmost X-Forwarded-For value, which the client writes.
            throw new IllegalStateException("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING must stay false: "
                    + "set BANTIN_PROXY_FORWARDING=true and BANTIN_PROXY_TRUSTED to the proxies' addresses instead");
        }
        if (forwarding && trustedProxies.isEmpty()) {
            throw new IllegalStateException("BANTIN_PROXY_FORWARDING=true needs BANTIN_PROXY_TRUSTED: "
                    + "the addresses or ranges of the proxies whose X-Forwarded-For may be believed");
        }
        this.forwarding = forwarding;
        this.trustedProxies = trustedProxies.orElse(List.of()).stream().map(ClientAddresses::rule).toList();
    }

    /** The address of the reader behind this request, as text (e.g. {@code 203.0.113.7} or {@code 2001:db8::1}). */
    public String of(HttpServerRequest request) {
        InetAddress client = parse(request.remoteAddress().hostAddress());
        if (client == null) {
            return request.remoteAddress().hostAddress();
        }
        if (forwarding) {
            List<String> hops = forwardedFor(request);
            for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
                InetAddress hop = parse(hops.get(i));
                if (hop == null) {
                    // `unknown` or garbage: nothing further left can be believed.
                    return request.remoteAddress().hostAddress();
                }
                client = hop;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** Every X-Forwarded-For value, in order, across repeated headers. */
    private static List<String> forwardedFor(HttpServerRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.headers().getAll(FORWARDED_FOR)) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** An IP literal, never a host name: parsing must not trigger a DNS lookup. */
    private static InetAddress parse(String text) {
        return text == null ? null : NetUtil.createInetAddressFromIpAddressString(text);
    }

    /** An address (`10.0.0.5`) or a range (`10.0.0.0/8`, `fd00::/8`). */
    private static IpSubnetFilterRule rule(String entry) {
        String[] parts = entry.strip().split("/", 2);
        InetAddress address = parse(parts[0]);
        if (address == null) {
            throw new IllegalStateException("BANTIN_PROXY_TRUSTED: '" + entry + "' is not an IP address or range");
        }
        int bits = address.getAddress().length * 8;
        try {
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new NumberFormatException();
            }
            return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("BANTIN_PROXY_TRUSTED: '" + entry + "' has no valid prefix length");
        }
    }
}
