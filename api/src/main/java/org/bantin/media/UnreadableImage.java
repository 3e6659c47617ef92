package org.bantin.media;

/** An image that its type's decoder cannot read (truncated, corrupt or empty). */
final class UnreadableImage extends Exception {

    UnreadableImage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
