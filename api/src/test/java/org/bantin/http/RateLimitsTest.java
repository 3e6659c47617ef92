package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void ipv6ClientsShareOneBucketPerSlash64() {
        assertEquals(RateLimits.clientKey("2001:db8:1:2::1"), RateLimits.clientKey("2001:db8:1:2:ffff::9"));
        assertEquals("20010db800010002::/64", RateLimits.clientKey("2001:db8:1:2::1"));
        assertEquals(false, RateLimits.clientKey("2001:db8:1:2::1").equals(RateLimits.clientKey("2001:db8:1:3::1")));
    }

    @Test
    void ipv4ClientsAreCountedPerAddress() {
        assertEquals("203.0.113.5", RateLimits.clientKey("203.0.113.5"));
    }
}
