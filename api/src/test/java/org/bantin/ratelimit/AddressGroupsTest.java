package org.bantin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Which client addresses the limits count together. */
class AddressGroupsTest {

    private final AddressGroups per56 = new AddressGroups(56);

    @Test
    void ipv6ClientsShareOneGroupPerSlash56() {
        assertEquals(per56.of("2001:db8:1:200::1"), per56.of("2001:db8:1:2ff:ffff::9"));
        assertEquals("20010db8000102000000000000000000/56", per56.of("2001:db8:1:2ab::1"));
        assertNotEquals(per56.of("2001:db8:1:200::1"), per56.of("2001:db8:1:300::1"));
    }

    @Test
    void theIpv6PrefixIsConfigurable() {
        AddressGroups per64 = new AddressGroups(64);
        assertEquals("20010db8000100020000000000000000/64", per64.of("2001:db8:1:2::1"));
        assertNotEquals(per64.of("2001:db8:1:2::1"), per64.of("2001:db8:1:3::1"));
    }

    @Test
    void ipv4ClientsAreCountedPerAddress() {
        assertEquals("203.0.113.5", per56.of("203.0.113.5"));
    }
}
