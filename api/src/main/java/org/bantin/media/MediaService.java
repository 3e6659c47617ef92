package org.bantin.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.database.SqlErrors;
import org.bantin.database.Timestamps;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.media.Media.StoredRendition;
import org.bantin.media.MediaRecords.MediaPatch;
import org.bantin.media.MediaRecords.MediaView;
import org.bantin.media.MediaRecords.Metadata;
import org.bantin.media.MediaRecords.UseView;
import org.bantin.media.store.MediaKeys;
import org.bantin.media.store.MediaStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

/** Owns the media library: checking and storing uploads, their renditions, editing and deleting them. */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class);
    private static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

    private final EntityManager entityManager;
    private final MediaStore store;
    private final MediaUrls urls;
    private final ContentChanges changes;
    private final MediaLibrary library;
    private final ImageRenditions images;
    /** Decoding a large photo takes tens of megabytes for a second: a few at a time keep memory bounded. */
    private final Semaphore imageWork;
    private final MediaEvents events;

    MediaService(EntityManager entityManager, MediaStore store, MediaUrls urls, ContentChanges changes, MediaLibrary library,
            MediaEvents events, @ConfigProperty(name = "bantin.media.max-pixels") long maxPixels,
            @ConfigProperty(name = "bantin.media.concurrent-images") int concurrentImages) {
        this.entityManager = entityManager;
        this.store = store;
        this.urls = urls;
        this.changes = changes;
        this.library = library;
        this.images = new ImageRenditions(maxPixels);
        this.imageWork = new Semaphore(concurrentImages, true);
        this.events = events;
    }

    /**
     * Makes the renditions of a small photo once, in the background, as the instance starts: the first
     * upload then finds the WebP library loaded and the encoders compiled, and a temporary directory
     * where native code cannot be loaded shows in the log at start, not at an editor's first upload.
     */
    void warmUp(@Observes StartupEvent start) {
        Thread warmUp = new Thread(() -> {
            try (TemporaryFile photo = TemporaryFile.create()) {
                BufferedImage image = new BufferedImage(1700, 1000, BufferedImage.TYPE_INT_RGB);
                ImageIO.write(image, "jpeg", photo.path().toFile());
                renditions(photo.path(), FileTypes.detect(photo.path()), CENTRE);
            } catch (IOException | UnsupportedMediaType | RuntimeException e) {
                LOG.errorf(e, "Images cannot be processed on this instance: %s", e.getMessage());
            }
        }, "media-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Checks an uploaded file (its type from its bytes, which the declared type must agree with), makes an
     * image's renditions, and stores it all. Nothing is stored when any step refuses.
     */
    public MediaView upload(Path file, String declaredType, String fileName, Metadata metadata, Caller caller) {
        DetectedType type = detect(file, declaredType);
        String sha256 = sha256(file);
        List<Rendition> made = type.kind() == MediaKind.IMAGE ? renditions(file, type, CENTRE) : List.of();
        return save(file, type, sha256, made, cleanFileName(fileName, type.extension()), metadata, caller);
    }

    private static DetectedType detect(Path file, String declaredType) {
        DetectedType type;
        try {
            type = FileTypes.detect(file);
        } catch (UnsupportedMediaType e) {
            throw ProblemException.unsupportedMediaType(e.getMessage());
        }
        String declared = essence(declaredType);
        if (declared != null && !declared.equals("application/octet-stream") && !declared.equals(type.contentType())
                && !(declared.equals("image/jpg") && type.contentType().equals("image/jpeg"))) {
            throw ProblemException.unsupportedMediaType("The file was sent as " + declared + " but its bytes are "
                    + type.contentType() + "; send it with its own type (or application/octet-stream).");
        }
        return type;
    }

    /** The type without parameters, lower case; null when none was declared. */
    private static String essence(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private List<Rendition> renditions(Path file, DetectedType type, FocalPoint focal) {
        imageWork.acquireUninterruptibly();
        try {
            return images.process(file, type, focal).renditions();
        } catch (ImageTooLarge e) {
            throw ProblemException.imageTooLarge(e.getMessage());
        } catch (UnreadableImage e) {
            throw ProblemException.invalidField(422, "file", "the image cannot be read: " + e.getMessage());
        } finally {
            imageWork.release();
        }
    }

    @Transactional
    MediaView save(Path file, DetectedType type, String sha256, List<Rendition> made, String fileName, Metadata metadata,
            Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Media media = new Media();
        media.kind = type.kind();
        media.fileName = fileName;
        media.sha256 = sha256;
        media.alt = text(metadata.alt());
        media.caption = text(metadata.caption());
        media.credit = text(metadata.credit());
        media.focalX = CENTRE.x();
        media.focalY = CENTRE.y();
        media.ownerTokenId = caller.tokenId();
        media.createdAt = now;
        media.createdBy = caller.name();
        media.updatedAt = now;
        media.updatedBy = caller.name();
        if (type.kind() == MediaKind.IMAGE) {
            library.lockKeys(made.stream().map(MediaService::keyOf).toList());
            for (Rendition rendition : made) {
                StoredRendition stored = put(rendition);
                if (rendition.name().equals(MediaViews.FULL)) {
                    media.fileKey = stored.fileKey;
                    media.contentType = stored.contentType;
                    media.bytes = stored.bytes;
                    media.width = stored.width;
                    media.height = stored.height;
                } else {
                    media.renditions.add(stored);
                }
            }
        } else {
            media.fileKey = MediaKeys.of(HexFormat.of().parseHex(sha256), type.extension());
            media.contentType = type.contentType();
            media.bytes = size(file);
            library.lockKeys(List.of(media.fileKey));
            store.put(media.fileKey, media.contentType, file);
        }
        media.persist();
        events.emit("media.created", media);
        return view(media, caller);
    }

    private static String keyOf(Rendition rendition) {
        return MediaKeys.of(Hashes.sha256(rendition.bytes()), rendition.extension());
    }

    /** Stores a rendition; its key must be locked (lockKeys) by the caller. */
    private StoredRendition put(Rendition rendition) {
        StoredRendition stored = new StoredRendition();
        stored.name = rendition.name();
        stored.width = rendition.width();
        stored.height = rendition.height();
        stored.contentType = rendition.contentType();
        stored.bytes = rendition.bytes().length;
        stored.fileKey = keyOf(rendition);
        try (TemporaryFile file = TemporaryFile.create()) {
            Files.write(file.path(), rendition.bytes());
            store.put(stored.fileKey, stored.contentType, file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stored;
    }

    MediaView get(long id, Caller caller) {
        return view(find(id), caller);
    }

    /** Newest first; q matches file name, alt text or caption without case, tones and marks. */
    Page<MediaView> list(String q, MediaKind kind, PageRequest page, Caller caller) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Parameters parameters = new Parameters();
        if (q != null && !q.isBlank()) {
            conditions.add("searchText like concat('%', lower(function('bantin_unaccent', :q)), '%')");
            parameters.and("q", likeEscaped(q.strip()));
        }
        if (kind != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", kind);
        }
        PanacheQuery<Media> query = Media.find(String.join(" and ", conditions), Sort.descending("createdAt", "id"),
                parameters);
        List<MediaView> items = query.page(page.page() - 1, page.limit()).list().stream().map(media -> view(media, caller))
                .toList();
        return page.of(items, query.count());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Changes what editors say about it; a new focal point makes its crops anew, decoded before the
     * row is locked (no connection waits on image work).
     */
    MediaView patch(long id, MediaPatch patch, Set<String> fields, Integer expectedVersion, Caller caller) {
        if (!fields.contains("focalPoint") || patch.focalPoint() == null) {
            return change(id, patch, fields, expectedVersion, caller, null, List.of());
        }
        Media current = find(id);
        if (current.kind != MediaKind.IMAGE) {
            throw ProblemException.invalidField(422, "focalPoint", "only images have a focal point");
        }
        List<Rendition> crops = crops(current.fileKey, new FocalPoint(patch.focalPoint().x(), patch.focalPoint().y()));
        return change(id, patch, fields, expectedVersion, caller, current.fileKey, crops);
    }

    /**
     * The patch, in one transaction; crops were made from the file at cropped. Every check and file
     * is done before the row changes, so that its version moves once.
     */
    @Transactional
    MediaView change(long id, MediaPatch patch, Set<String> fields, Integer expectedVersion, Caller caller, String cropped,
            List<Rendition> crops) {
        Media media = findForChange(id, expectedVersion, caller);
        if (cropped != null && !cropped.equals(media.fileKey)) {
            throw ProblemException.conflict("The media changed while its crops were made; try again.");
        }
        if (fields.contains("fileName") && (patch.fileName() == null || patch.fileName().isBlank())) {
            throw ProblemException.invalidField(422, "fileName", "cannot be cleared");
        }
        if (fields.contains("alt") && text(patch.alt()).isEmpty() && media.kind == MediaKind.IMAGE) {
            refuseIfPublishedUse(media, caller);
        }
        Set<String> names = crops.stream().map(Rendition::name).collect(Collectors.toSet());
        List<String> replaced = media.renditions.stream().filter(old -> names.contains(old.name))
                .map(old -> old.fileKey).toList();
        List<String> keys = new ArrayList<>(replaced);
        crops.forEach(crop -> keys.add(keyOf(crop)));
        library.lockKeys(keys);
        List<StoredRendition> stored = crops.stream().map(this::put).toList();
        if (fields.contains("fileName")) {
            String extension = media.fileName.substring(media.fileName.lastIndexOf('.') + 1);
            media.fileName = cleanFileName(patch.fileName(), extension);
        }
        if (fields.contains("alt")) {
            media.alt = text(patch.alt());
        }
        if (fields.contains("caption")) {
            media.caption = text(patch.caption());
        }
        if (fields.contains("credit")) {
            media.credit = text(patch.credit());
        }
        if (cropped != null) {
            media.focalX = patch.focalPoint().x();
            media.focalY = patch.focalPoint().y();
            media.renditions.removeIf(old -> names.contains(old.name));
            media.renditions.addAll(stored);
        }
        media.updatedAt = Timestamps.now();
        media.updatedBy = caller.name();
        entityManager.flush();
        events.emit("media.updated", media);
        deleteUnreferenced(replaced);
        changes.afterCommit(ContentChange.EVERYTHING);
        return view(media, caller);
    }

    /** Published articles must keep the alt text of their images (checked when they were published). */
    private void refuseIfPublishedUse(Media media, Caller caller) {
        List<Use> published = uses(media.id).stream().filter(Use::published).toList();
        if (!published.isEmpty()) {
            throw ProblemException.invalidField(422, "alt",
                    "cannot be cleared: published articles show this image (" + describe(published, caller) + ")");
        }
    }

    /** The crops around a focal point, made from the stored full image. */
    private List<Rendition> crops(String fullKey, FocalPoint focal) {
        try (TemporaryFile full = copyOut(fullKey)) {
            imageWork.acquireUninterruptibly();
            try {
                return images.crops(full.path(), focal);
            } catch (UnreadableImage e) {
                throw new IllegalStateException("A stored rendition cannot be read: " + fullKey, e);
            } finally {
                imageWork.release();
            }
        }
    }

    /** Deletes media that no article shows nor document attaches (409) and its files that nothing else uses. */
    @Transactional
    void delete(long id, Integer expectedVersion, Caller caller) {
        Media media = findForChange(id, expectedVersion, caller);
        List<Use> uses = uses(id);
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("Articles show this media: " + describe(uses, caller)
                    + ". Remove it from them first.");
        }
        List<String> keys = media.fileKeys();
        media.delete();
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            // Files attached to legal documents: document_media's foreign key keeps them (migration V29).
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw ProblemException.conflict("Legal documents attach this media. Remove it from them first.");
            }
            throw e;
        }
        events.emit("media.deleted", media);
        deleteUnreferenced(keys);
        changes.afterCommit(ContentChange.EVERYTHING);
    }

    /** Files are shared by identical uploads: a key goes only when no media row names it any more. */
    private void deleteUnreferenced(List<String> keys) {
        library.lockKeys(keys);
        for (String key : keys) {
            if (!library.isUsed(key)) {
                store.delete(key);
            }
        }
    }

    /** An article that shows the media; who may see that it does depends on the caller. */
    private record Use(UseView view, boolean published, Long ownerTokenId) {

        /** Authors see their own articles and the published ones (as in the article endpoints). */
        boolean seenBy(Caller caller) {
            return caller.role() != Role.AUTHOR || published || caller.owns(ownerTokenId);
        }
    }

    /** The articles that show the media (published ones include scheduled). */
    @SuppressWarnings("unchecked")
    private List<Use> uses(long mediaId) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT a.id, a.title, a.status = 'PUBLISHED', a.owner_token_id FROM article_media am"
                        + " JOIN articles a ON a.id = am.article_id WHERE am.media_id = :media ORDER BY a.id")
                .setParameter("media", mediaId).getResultList();
        return rows.stream().map(row -> new Use(new UseView(((Number) row[0]).longValue(), (String) row[1]),
                (Boolean) row[2], row[3] == null ? null : ((Number) row[3]).longValue())).toList();
    }

    /** The uses the caller may see by name, and how many others there are. */
    private static String describe(List<Use> uses, Caller caller) {
        List<String> named = uses.stream().filter(use -> use.seenBy(caller))
                .map(use -> use.view().id() + " (“" + use.view().title() + "”)").toList();
        long others = uses.size() - named.size();
        return String.join(", ", named) + (others == 0
                ? ""
                : (named.isEmpty() ? "" : " and ") + others
                        + " article" + (others == 1 ? "" : "s") + " of other authors");
    }

    MediaView view(Media media, Caller caller) {
        List<UseView> seen = uses(media.id).stream().filter(use -> use.seenBy(caller)).map(Use::view).toList();
        return MediaViews.of(media, urls, seen);
    }

    private static Media find(long id) {
        return Media.<Media>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No media with id " + id + "."));
    }

    /** The media, locked, if the caller may change it (authors: their own uploads) and it is the expected version. */
    private Media findForChange(long id, Integer expectedVersion, Caller caller) {
        Media media = entityManager.find(Media.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (media == null) {
            throw ProblemException.notFound("No media with id " + id + ".");
        }
        if (caller.role() == Role.AUTHOR && !caller.owns(media.ownerTokenId)) {
            throw ProblemException.forbidden("Authors may change only the media they uploaded.");
        }
        if (expectedVersion != null && expectedVersion != media.version) {
            throw ProblemException.preconditionFailed("The media is at version " + media.version + ", not "
                    + expectedVersion + ": read it again, then change it.");
        }
        return media;
    }

    /**
     * The name a file downloads under: without any path, control or format characters (a right-to-left
     * override can disguise an extension), and always ending in the extension of its type, whatever
     * the sender wrote: a PDF never downloads as "bao-cao.hta".
     */
    static String cleanFileName(String name, String extension) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        int dot = base.lastIndexOf('.');
        base = dot >= 0 ? base.substring(0, dot).strip() : base;
        String suffix = "." + extension;
        int room = MediaRecords.MAX_FILE_NAME - suffix.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room));
        }
        return (base.isEmpty() ? "tep" : base) + suffix;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(Hashes.sha256(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored file copied to a temporary file, to be decoded again. */
    private TemporaryFile copyOut(String key) {
        long bytes = store.find(key).orElseThrow(() -> new IllegalStateException("Missing stored file " + key)).bytes();
        TemporaryFile copy = TemporaryFile.create();
        try (InputStream in = store.open(key, 0, bytes)) {
            Files.copy(in, copy.path(), StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            copy.close();
            throw new UncheckedIOException(e);
        }
    }
}
