package org.bantin.media;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.media.store.DownloadNames;

/**
 * What other features read of the media library: images by id, which media a url of ours names, and
 * the name a file is downloaded as.
 */
@ApplicationScoped
public class MediaLibrary implements DownloadNames {

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

    /** The images an article shows that have no alt text yet, as "id (file name)". */
    @SuppressWarnings("unchecked")
    public List<String> imagesWithoutAlt(long articleId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT m.id, m.file_name FROM article_media am"
                + " JOIN media m ON m.id = am.media_id WHERE am.article_id = :article AND m.kind = 'IMAGE' AND m.alt = ''"
                + " ORDER BY m.id")
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

    /** Records which media an article shows, replacing what it showed before. */
    public void recordUses(long articleId, Collection<Long> mediaIds) {
        entityManager.createNativeQuery("DELETE FROM article_media WHERE article_id = :article")
                .setParameter("article", articleId).executeUpdate();
        if (!mediaIds.isEmpty()) {
            entityManager.createNativeQuery("INSERT INTO article_media (article_id, media_id)"
                    + " SELECT :article, unnest(CAST(:media AS bigint[])) ON CONFLICT DO NOTHING")
                    .setParameter("article", articleId)
                    .setParameter("media", mediaIds.stream().map(String::valueOf)
                            .collect(Collectors.joining(",", "{", "}")))
                    .executeUpdate();
        }
    }
}
