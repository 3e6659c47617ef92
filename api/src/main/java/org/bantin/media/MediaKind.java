package org.bantin.media;

/** What an upload is: a picture shown in pages (re-encoded into renditions) or a document offered for download. */
public enum MediaKind {
    IMAGE, DOCUMENT
}
