package org.bantin.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import com.sun.security.auth.module.UnixSystem;

/** The user this JVM runs as, for the checks on files that must be this user's alone. */
final class ThisUser {

    static final int UID = (int) new UnixSystem().getUid();

    // initdb and postgres refuse to run as root, so under root the server runs as nobody.
    static final boolean ROOT = UID == 0;

    private ThisUser() {
    }

    /** Whether path itself (not what a link points to) belongs to this user. */
    static boolean owns(Path path) throws IOException {
        return Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS).equals(UID);
    }
}
