package org.bantin.media;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.bantin.media.store.DownloadNames;

/** Download names that a test gives, in place of the media rows' (enabled by the profiles that name it). */
@Alternative
@ApplicationScoped
public class NamedDownloads implements DownloadNames {

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    static void name(String key, String name) {
        NAMES.put(key, name);
    }

    @Override
    public Optional<String> of(String key) {
        return Optional.ofNullable(NAMES.get(key));
    }
}
