package org.bantin.media.store;

import java.util.Optional;

/**
 * The name a stored file is downloaded as (Content-Disposition), from the media it belongs to;
 * empty when none names it, and the key is used instead.
 */
public interface DownloadNames {

    Optional<String> of(String key);
}
