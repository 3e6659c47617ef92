package org.bantin.media;

/** One encoded version of an image (`full`, `w640`, `w640-webp`, `og`, ...), free of metadata. */
record Rendition(String name, int width, int height, String contentType, String extension, byte[] bytes) {
}
