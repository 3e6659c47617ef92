package org.bantin.media;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded photo or document: what readers get at its url, and what editors say about it. */
@Entity
@Table(name = "media")
public class Media extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public MediaKind kind;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    /** The store's key of the file at the media's url. */
    @Column(name = "file_key")
    public String fileKey;

    public long bytes;

    /** Of the bytes as uploaded (an image's url serves a re-encoding of them). */
    public String sha256;

    public Integer width;

    public Integer height;

    public String alt;

    public String caption;

    public String credit;

    @Column(name = "focal_x")
    public double focalX;

    @Column(name = "focal_y")
    public double focalY;

    /** The token that uploaded it; authors may change only their own uploads. */
    @Column(name = "owner_token_id")
    public Long ownerTokenId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "media_renditions", joinColumns = @JoinColumn(name = "media_id"))
    public List<StoredRendition> renditions = new ArrayList<>();

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public int version;

    /** One file made of an image, as stored. */
    @Embeddable
    public static class StoredRendition {

        public String name;

        public int width;

        public int height;

        @Column(name = "content_type")
        public String contentType;

        @Column(name = "file_key")
        public String fileKey;

        public long bytes;
    }

    /** Every store key this media's files are under. */
    List<String> fileKeys() {
        List<String> keys = new ArrayList<>(List.of(fileKey));
        renditions.forEach(rendition -> keys.add(rendition.fileKey));
        return keys;
    }

    /** The media with these ids, renditions loaded. */
    public static List<Media> listWithRenditions(List<Long> ids) {
        return ids.isEmpty()
                ? List.of()
                : list("select distinct m from Media m left join fetch m.renditions where m.id in ?1", ids);
    }
}
