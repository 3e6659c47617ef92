package org.bantin.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * The embedded server's passwords, random, kept in a file that only its owner may read so that they last as long as
 * the data (and let its owner connect with psql).
 */
record PostgresPasswords(String superuser, String application) {

    private static final Logger LOG = Logger.getLogger(PostgresPasswords.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String SUPERUSER = "superuser";
    private static final String APPLICATION = "application";

    /** The passwords in file; new ones (written there) if it is missing, or anyone but its owner could read it. */
    static PostgresPasswords loadOrCreate(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (isPrivate(file)) {
                Properties stored = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
                if (stored.getProperty(SUPERUSER) != null && stored.getProperty(APPLICATION) != null) {
                    return new PostgresPasswords(stored.getProperty(SUPERUSER), stored.getProperty(APPLICATION));
                }
            }
            LOG.warnf("%s was not private to its owner, or incomplete: the embedded PostgreSQL gets new passwords", file);
        }
        PostgresPasswords passwords = new PostgresPasswords(random(), random());
        passwords.write(file);
        return passwords;
    }

    private static boolean isPrivate(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && ThisUser.owns(file)
                && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
    }

    /** Written to a private file beside it, then renamed, so the passwords are never readable by others. */
    private void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path staged = Files.createTempFile(file.getParent(), file.getFileName().toString(), "",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Properties stored = new Properties();
        stored.setProperty(SUPERUSER, superuser);
        stored.setProperty(APPLICATION, application);
        try (Writer out = Files.newBufferedWriter(staged)) {
            stored.store(out, "Passwords of the embedded PostgreSQL (superuser " + EmbeddedPostgres.SUPERUSER
                    + ", application role " + EmbeddedPostgres.APPLICATION_ROLE + "); keep this file private");
        }
        Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "PostgresPasswords[hidden]";
    }
}
