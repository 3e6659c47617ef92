package org.bantin.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bantin.ShutdownFixture;
import org.bantin.support.ChildJvm;
import org.junit.jupiter.api.Test;

class DatabaseSetupTest {

    @Test
    void passwordsInDatabaseUrlsAreHidden() {
        assertEquals("jdbc:postgresql://db:5432/bantin?user=bantin&password=***&ssl=true",
                DatabaseSetup.redacted("jdbc:postgresql://db:5432/bantin?user=bantin&password=Mat-khau&ssl=true"));
        assertEquals("jdbc:postgresql://db/bantin?PASSWORD=***",
                DatabaseSetup.redacted("jdbc:postgresql://db/bantin?PASSWORD=Mat-khau"));
        assertEquals("jdbc:postgresql://db/bantin?sslmode=verify-full&sslpassword=***",
                DatabaseSetup.redacted("jdbc:postgresql://db/bantin?sslmode=verify-full&sslpassword=Mat-khau"));
        assertEquals("jdbc:postgresql://bantin:***@db:5432/bantin",
                DatabaseSetup.redacted("jdbc:postgresql://bantin:Mat-khau@db:5432/bantin"));
        assertEquals("jdbc:postgresql://db:5432/bantin?user=bantin",
                DatabaseSetup.redacted("jdbc:postgresql://db:5432/bantin?user=bantin"));
    }

    @Test
    void aDatabaseThatRefusesIsNamedInOneLineWithoutItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        for (String url : List.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/bantin?user=bantin&password=Mat-khau-bi-mat",
                "jdbc:postgres://bantin:Mat-khau-bi-mat@127.0.0.1:" + closedPort + "/bantin")) {
            try (ChildJvm child = ChildJvm.start(ShutdownFixture.class, Map.of(),
                    List.of("-D" + DatabaseSetup.URL + "=" + url))) {
                assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), child.output());
                assertEquals(1, child.process().exitValue(), child.output());
                String output = child.output();
                assertTrue(output.startsWith("Bantin cannot use the database at jdbc:"), output);
                assertEquals(1, output.lines().count(), output);
                assertTrue(output.contains("***"), output);
                assertFalse(output.contains("Mat-khau-bi-mat"), output);
            }
        }
    }
}
