package org.bantin.media.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Until media rows name their files, every file downloads under its key. */
@DefaultBean
@ApplicationScoped
class NoDownloadNames implements DownloadNames {

    @Override
    public Optional<String> of(String key) {
        return Optional.empty();
    }
}
