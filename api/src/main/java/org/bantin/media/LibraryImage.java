package org.bantin.media;

/**
 * An image of the library as an article shows it: everything for `<img src srcset sizes width height alt>`
 * inside `<figure>` with its caption. srcset lists the JPEG (or PNG) widths, webpSrcset the WebP ones.
 */
public record LibraryImage(long id, String url, int width, int height, String alt, String caption, String credit,
        String srcset, String webpSrcset, String ogImage) {
}
