package org.bantin.media;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where readers get stored files: a path on the API (as Strapi gives local files), or an absolute
 * address under bantin.media.base-url when a proxy or CDN serves them elsewhere.
 */
@ApplicationScoped
public class MediaUrls {

    public static final String FILES_PATH = "/api/v1/media/files/";

    private final String prefix;

    MediaUrls(@ConfigProperty(name = "bantin.media.base-url") Optional<String> baseUrl) {
        this.prefix = baseUrl.map(base -> base.replaceAll("/+$", "")).orElse("") + FILES_PATH;
    }

    public String of(String key) {
        return prefix + key;
    }

    /** The store key a url of ours names (with or without the base url), or null for any other address. */
    public String keyOf(String url) {
        if (url == null) {
            return null;
        }
        int at = url.startsWith(prefix) ? prefix.length() : url.startsWith(FILES_PATH) ? FILES_PATH.length() : -1;
        if (at < 0) {
            return null;
        }
        String key = url.substring(at);
        return key.matches("[0-9a-f]{64}\\.[a-z0-9]{2,5}") ? key : null;
    }
}
