package org.bantin.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path tempDir;

    @Test
    void aChangedOrPlantedBinaryIsNeverRunButExtractedAgain() throws Exception {
        Path cache = tempDir.resolve("cache");
        Path binaries = PostgresBinaries.extracted(cache);
        assertEquals(ThisUser.ROOT ? "rwx--x--x" : "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        Path postgres = binaries.resolve("bin/postgres");
        byte[] original = Files.readAllBytes(postgres);

        Files.writeString(postgres, "#!/bin/sh\ntouch " + tempDir.resolve("planted-ran") + "\n");
        Files.writeString(binaries.resolve("bin/pg_planted"), "#!/bin/sh\n");
        assertEquals(binaries, PostgresBinaries.extracted(cache));
        assertArrayEquals(original, Files.readAllBytes(postgres));
        assertFalse(Files.exists(binaries.resolve("bin/pg_planted")));

        // Rights count too: a file others may change is as good as changed.
        Files.setPosixFilePermissions(binaries.resolve("bin"), PosixFilePermissions.fromString("rwxrwxrwx"));
        PostgresBinaries.extracted(cache);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries.resolve("bin"))));

        assertEquals(List.of(binaries.getFileName().toString(), binaries.getFileName() + ".manifest"),
                Files.list(cache).map(path -> path.getFileName().toString()).sorted().toList());
        assertFalse(Files.exists(tempDir.resolve("planted-ran")));
    }

    @Test
    void aCacheOthersMayWriteToIsNotUsed() throws Exception {
        Path cache = Files.createDirectory(tempDir.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PostgresBinaries.extracted(cache));
        assertTrue(refused.getMessage().contains("writable by others"), refused.getMessage());
        assertEquals(0, Files.list(cache).count());
    }

    @Test
    void aCacheOfAnotherUserIsNotUsed() throws Exception {
        assumeTrue(ThisUser.ROOT, "only root can give a directory away");
        Path cache = Files.createDirectory(tempDir.resolve("cache"));
        UserPrincipalLookupService users = cache.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(cache, users.lookupPrincipalByName("nobody"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PostgresBinaries.extracted(cache));
        assertTrue(refused.getMessage().contains("not to this user"), refused.getMessage());
        assertEquals(0, Files.list(cache).count());
    }

    @Test
    void aLinkInPlaceOfTheCacheIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectory(tempDir.resolve("elsewhere"));
        Path cache = Files.createSymbolicLink(tempDir.resolve("cache"), elsewhere);
        assertThrows(IllegalStateException.class, () -> PostgresBinaries.extracted(cache));
        assertEquals(0, Files.list(elsewhere).count());
    }
}
