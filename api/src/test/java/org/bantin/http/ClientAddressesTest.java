package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Settings that would let clients choose their own address are refused at start. */
class ClientAddressesTest {

    @Test
    void forwardingWithoutTrustedProxiesIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ClientAddresses(true, Optional.empty(), false));
        assertTrue(refused.getMessage().contains("BANTIN_PROXY_TRUSTED"), refused.getMessage());
    }

    @Test
    void quarkusForwardingIsRefused() {
        assertThrows(IllegalStateException.class, () -> new ClientAddresses(true, Optional.of(List.of("127.0.0.1")), true));
    }

    @Test
    void aTrustedEntryThatIsNotAnAddressIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> new ClientAddresses(true, Optional.of(List.of("proxy.example.gov.vn")), false));
        assertThrows(IllegalStateException.class, () -> new ClientAddresses(true, Optional.of(List.of("10.0.0.0/33")), false));
    }
}
