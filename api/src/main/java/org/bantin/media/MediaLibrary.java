package org.bantin.media;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.http.ProblemException;
import org.bantin.media.store.DownloadNames;
import org.bantin.media.store.KeyUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What other features read of the media library: images by id, which media a url of ours names, the
 * name a file is downloaded as, and whether a stored file is still named by any media.
 */
@ApplicationScoped
public class MediaLibrary implements DownloadNames, KeyUsers {

    private final EntityManager entityManager;
    private final MediaUrls urls;

    MediaLibrary(EntityManager entityManager, MediaUrls urls) {
        this.entityManager = entityManager;
        this.urls = urls;
    }

    /** The images among these media ids (documents and unknown ids are left out). */
    public Map<Long, LibraryImage> images(Collection<Long> ids) {
        Map<Long, LibraryImage> images = new LinkedHashMap<>();
        for (Media media : Media.listWithRenditions(List.copyOf(ids))) {
            if (media.kind == MediaKind.IMAGE) {
                images.put(media.id, MediaViews.image(media, urls));
            }
        }
        return images;
    }

    /** The media whose file or rendition is at this url of ours; null for any other address. */
    public Long idOfUrl(String url) {
        String key = urls.keyOf(url);
        if (key == null) {
            return null;
        }
        List<?> ids = entityManager.createNativeQuery(
                "SELECT id FROM media WHERE file_key = :key UNION SELECT media_id FROM media_renditions WHERE file_key = :key"
                        + " ORDER BY 1 LIMIT 1")
                .setParameter("key", key).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    /**
     * The images an article shows that have no alt text yet, as "id (file name)". The media rows stay
     * locked until the caller's transaction ends: an alt text cannot be cleared while it is checked.
     */
    @SuppressWarnings("unchecked")
    public List<String> imagesWithoutAlt(long articleId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT m.id, m.file_name FROM article_media am"
                + " JOIN media m ON m.id = am.media_id WHERE am.article_id = :article AND m.kind = 'IMAGE' AND m.alt = ''"
                + " ORDER BY m.id FOR SHARE OF m")
                .setParameter("article", articleId).getResultList();
        return rows.stream().map(row -> row[0] + " (" + row[1] + ")").toList();
    }

    /** A document downloads under the name it was uploaded with. */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> of(String key) {
        List<String> names = entityManager
                .createNativeQuery("SELECT file_name FROM media WHERE file_key = :key ORDER BY id LIMIT 1")
                .setParameter("key", key).getResultList();
        return names.stream().findFirst();
    }

    /**
     * Records which media an article shows, replacing what it showed before. The media are locked
     * against deletion first: one deleted since it was checked is a 422, not a foreign-key failure.
     */
    public void recordUses(long articleId, Collection<Long> mediaIds) {
        Number present = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM (SELECT id FROM media WHERE id = ANY (CAST(:media AS bigint[])) FOR KEY SHARE) m")
                .setParameter("media", arrayOf(mediaIds)).getSingleResult();
        if (present.intValue() != mediaIds.size()) {
            throw ProblemException.invalidField(422, "body", "media it shows was deleted meanwhile; save it again");
        }
        entityManager.createNativeQuery("DELETE FROM article_media WHERE article_id = :article")
                .setParameter("article", articleId).executeUpdate();
        if (!mediaIds.isEmpty()) {
            entityManager.createNativeQuery("INSERT INTO article_media (article_id, media_id)"
                    + " SELECT :article, unnest(CAST(:media AS bigint[])) ON CONFLICT DO NOTHING")
                    .setParameter("article", articleId)
                    .setParameter("media", arrayOf(mediaIds))
                    .executeUpdate();
        }
    }

    private static String arrayOf(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public void deleteUnlessUsed(String key, Runnable delete) {
        QuarkusTransaction.requiringNew().run(() -> {
            lockKeys(List.of(key));
            if (!isUsed(key)) {
                delete.run();
                entityManager.createNativeQuery("SELECT pg_notify('bantin_content', 'media_files')").getSingleResult();
            }
        });
    }

    /** Whether any media row names the stored file (shared by identical uploads). */
    boolean isUsed(String key) {
        return !entityManager.createNativeQuery("SELECT 1 FROM media WHERE file_key = :key"
                + " UNION ALL SELECT 1 FROM media_renditions WHERE file_key = :key LIMIT 1")
                .setParameter("key", key).getResultList().isEmpty();
    }

    /**
     * Serialises storing and deleting of the same keys across instances (transaction-scoped advisory
     * locks, in key order, so that two transactions never wait on each other): an upload of identical
     * bytes never loses its file to a concurrent delete.
     */
    void lockKeys(Collection<String> keys) {
        for (String key : new TreeSet<>(keys)) {
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .setParameter("key", key).getSingleResult();
        }
    }
}
