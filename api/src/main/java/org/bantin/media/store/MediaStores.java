package org.bantin.media.store;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/** The MediaStore that bantin.media.store names, made at start so that a wrong setting stops the start. */
class MediaStores {

    @Produces
    @Singleton
    @Startup
    MediaStore store(@ConfigProperty(name = "bantin.media.store") String kind, Instance<DatabaseMediaStore> database,
            Instance<DirectoryMediaStore> directory) {
        return switch (kind) {
            case "database" -> database.get();
            case "directory" -> directory.get();
            default -> throw new IllegalStateException(
                    "bantin.media.store is '" + kind + "'; it must be database or directory");
        };
    }
}
