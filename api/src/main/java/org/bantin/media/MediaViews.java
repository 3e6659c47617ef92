package org.bantin.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.bantin.media.Media.StoredRendition;
import org.bantin.media.MediaRecords.FocalPointView;
import org.bantin.media.MediaRecords.MediaView;
import org.bantin.media.MediaRecords.RenditionView;
import org.bantin.media.MediaRecords.UseView;

/** Media as editors and readers see it: stored keys turned into urls, renditions into srcset lists. */
final class MediaViews {

    /** The rendition at the media's own url. */
    static final String FULL = "full";
    static final String OPEN_GRAPH = "og";
    private static final String WEBP_SUFFIX = "-webp";

    private MediaViews() {
    }

    static MediaView of(Media media, MediaUrls urls, List<UseView> uses) {
        List<RenditionView> renditions = sorted(media).stream()
                .map(r -> new RenditionView(r.name, r.width, r.height, r.contentType, urls.of(r.fileKey), r.bytes))
                .toList();
        FocalPointView focal = media.kind == MediaKind.IMAGE ? new FocalPointView(media.focalX, media.focalY) : null;
        return new MediaView(media.id, media.kind.name().toLowerCase(Locale.ROOT), media.fileName, media.contentType,
                urls.of(media.fileKey), media.bytes, media.sha256, media.width, media.height, media.alt, media.caption,
                media.credit, focal, renditions, uses, media.createdAt, media.createdBy, media.updatedAt,
                media.updatedBy, media.version);
    }

    static LibraryImage image(Media media, MediaUrls urls) {
        List<String> widths = new ArrayList<>();
        List<String> webpWidths = new ArrayList<>();
        String ogImage = null;
        for (StoredRendition rendition : sorted(media)) {
            String entry = urls.of(rendition.fileKey) + " " + rendition.width + "w";
            if (rendition.name.equals(OPEN_GRAPH)) {
                ogImage = urls.of(rendition.fileKey);
            } else if (rendition.name.endsWith(WEBP_SUFFIX)) {
                webpWidths.add(entry);
            } else {
                widths.add(entry);
            }
        }
        widths.add(urls.of(media.fileKey) + " " + media.width + "w");
        return new LibraryImage(media.id, urls.of(media.fileKey), media.width, media.height, media.alt, media.caption,
                media.credit, String.join(", ", widths), webpWidths.isEmpty() ? null : String.join(", ", webpWidths),
                ogImage);
    }

    /** Narrowest first, WebP after its JPEG twin, the crop last: a stable order for readers and tests. */
    private static List<StoredRendition> sorted(Media media) {
        return media.renditions.stream()
                .sorted(Comparator.comparing((StoredRendition r) -> r.name.equals(OPEN_GRAPH))
                        .thenComparingInt(r -> r.width)
                        .thenComparing(r -> r.name))
                .toList();
    }
}
