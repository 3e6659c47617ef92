package org.bantin.media.store;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sun.management.HotSpotDiagnosticMXBean;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * Small media files read recently, in memory, so that serving a hot rendition costs no database
 * read: bounded by their total size (bantin.media.memory-cache-bytes; 0 turns it off), each at
 * most MAX_FILE_BYTES, and to half the JVM's direct memory. The bytes sit in one direct buffer per
 * file that every response writes from as it is (the socket gets them without a copy on the heap). Files never change, so an entry
 * is only ever dropped: by size, by a deletion here (MediaStore.delete), or by a deletion
 * anywhere (ContentNotifications calls evictAll). A read that began before a deletion does not
 * put the file back afterwards.
 */
@ApplicationScoped
public class MediaFileCache {

    public static final int MAX_FILE_BYTES = 1 << 20;
    private static final Logger LOG = Logger.getLogger(MediaFileCache.class);
    /** Counted for each entry beside its bytes: key, headers, the entry's objects. */
    private static final int ENTRY_OVERHEAD = 512;

    /** A file held in memory, with the name it is downloaded as (when it is not shown inline). */
    public record CachedFile(StoredFile file, String downloadName, Buffer bytes) {
    }

    private final boolean enabled;
    private final Cache<String, CachedFile> files;
    /** Counts evictions, so that a read that began before one does not store what it read. */
    private final AtomicLong evictions = new AtomicLong();

    MediaFileCache(@ConfigProperty(name = "bantin.media.memory-cache-bytes") long maxBytes) {
        long bounded = Math.min(maxBytes, maxDirectBytes() / 2);
        if (bounded < maxBytes) {
            LOG.infof("bantin.media.memory-cache-bytes is %d, more than half the JVM's direct memory: %d bytes are kept",
                    maxBytes, bounded);
        }
        this.enabled = bounded > 0;
        this.files = Caffeine.newBuilder().maximumWeight(Math.max(0, bounded))
                .weigher((String key, CachedFile cached) -> ENTRY_OVERHEAD + cached.bytes().length()).build();
    }

    /**
     * How much direct memory the JVM allows (-XX:MaxDirectMemorySize, by default the heap's
     * maximum): the cache keeps to half of it, leaving the rest to the network's buffers, since a
     * full budget fails allocations rather than waiting for dropped files to be collected.
     */
    private static long maxDirectBytes() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        long flag = vm == null ? 0 : Long.parseLong(vm.getVMOption("MaxDirectMemorySize").getValue());
        return flag > 0 ? flag : Runtime.getRuntime().maxMemory();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a file of this size would be kept. */
    public boolean keeps(long bytes) {
        return enabled && bytes <= MAX_FILE_BYTES;
    }

    public CachedFile get(String key) {
        return enabled ? files.getIfPresent(key) : null;
    }

    /** To be taken before reading a file that may be stored with put. */
    public long mark() {
        return evictions.get();
    }

    /**
     * Keeps a file read since mark, unless something was evicted since: the file may be the one
     * deleted. The bytes are copied once, into a buffer of their own.
     */
    public CachedFile put(StoredFile file, String downloadName, byte[] bytes, long mark) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        CachedFile cached = new CachedFile(file, downloadName, Buffer.buffer(Unpooled.wrappedBuffer(direct).asReadOnly()));
        if (enabled && evictions.get() == mark) {
            files.put(file.key(), cached);
            if (evictions.get() != mark) {
                files.invalidate(file.key()); // an eviction came between the check and the put
            }
        }
        return cached;
    }

    public void evict(String key) {
        evictions.incrementAndGet();
        files.invalidate(key);
    }

    /** Drops every file: one was deleted somewhere, or this instance may have missed such news. */
    public void evictAll() {
        evictions.incrementAndGet();
        files.invalidateAll();
    }
}
