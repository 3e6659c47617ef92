package org.bantin.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The keys of the media store: "<sha256 hex of the bytes>.<extension>". */
public final class MediaKeys {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}\\.[a-z0-9]{2,5}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{2,5}");
    private static final int HASH_LENGTH = 64;

    private MediaKeys() {
    }

    public static String of(byte[] sha256, String extension) {
        if (sha256.length != 32 || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 hash and an extension: " + extension);
        }
        return HexFormat.of().formatHex(sha256) + '.' + extension;
    }

    /** The key of a file's bytes, hashed as they are read. */
    public static String of(Path file, String extension) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return of(digest.digest(), extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether text has the form of a key (says nothing of whether it is stored). */
    public static boolean isKey(String text) {
        return text != null && KEY.matcher(text).matches();
    }

    /** The hex SHA-256 of a key's bytes. */
    public static String sha256Of(String key) {
        return key.substring(0, HASH_LENGTH);
    }

    /** The extension of a key, without the dot. */
    public static String extensionOf(String key) {
        return key.substring(HASH_LENGTH + 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
