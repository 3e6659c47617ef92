package org.bantin.media;

/** A file whose type is refused; the message says why in words an editor understands. */
public final class UnsupportedMediaType extends Exception {

    UnsupportedMediaType(String reason) {
        super(reason, null, false, false);
    }
}
