package org.bantin.ratelimit;

import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.util.NetUtil;

/**
 * Which clients the limits count together: an IPv4 address alone, an IPv6 address with the rest
 * of its prefix (a /56 by default, what one subscriber is commonly given), or one client could
 * take a fresh allowance per address of its block.
 */
@ApplicationScoped
public class AddressGroups {

    private final int ipv6Prefix;

    @Inject
    AddressGroups(@ConfigProperty(name = "bantin.rate-limit.ipv6-prefix") int ipv6Prefix) {
        if (ipv6Prefix < 1 || ipv6Prefix > 128) {
            throw new IllegalStateException("BANTIN_RATE_LIMIT_IPV6_PREFIX must be between 1 and 128");
        }
        this.ipv6Prefix = ipv6Prefix;
    }

    /** The group of a client address, e.g. `203.0.113.5` or `20010db800010200000000000000000/56`. */
    public String of(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        // A literal only: never a DNS lookup.
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        for (int bit = ipv6Prefix; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return HexFormat.of().formatHex(bytes) + "/" + ipv6Prefix;
    }
}
