package org.bantin.media.store;

/**
 * Whether media still names a stored file. A store that removes files after the commit asks again
 * then, under the key's lock: an identical upload may have taken the file up meanwhile.
 */
public interface KeyUsers {

    /** In a transaction of its own, holding the key's lock: runs delete unless media names the key, then tells every instance. */
    void deleteUnlessUsed(String key, Runnable delete);
}
