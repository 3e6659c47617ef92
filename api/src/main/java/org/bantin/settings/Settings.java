package org.bantin.settings;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one row of the site's settings (migration V24); its key is always true. */
@Entity
@Table(name = "settings")
class Settings extends PanacheEntityBase {

    private static final Boolean THE_ROW = Boolean.TRUE;

    @Id
    public Boolean id;

    /** Null: every revision is kept. */
    @Column(name = "revision_retention_days")
    public Integer revisionRetentionDays;

    /** Ids, not slugs: a category's new slug follows, and a deleted category leaves (ON DELETE CASCADE). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "settings_second_approval_categories", joinColumns = @JoinColumn(name = "settings_id"))
    @Column(name = "category_id")
    public Set<Long> secondApprovalCategoryIds = new HashSet<>();

    @Column(name = "webhook_private_targets")
    public boolean webhookPrivateTargets;

    @Version
    public int version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    static Settings read() {
        return findById(THE_ROW);
    }

    /** The row, locked until the transaction ends: changes are made one after the other, each on the one before. */
    static Settings lockedForChange() {
        return findById(THE_ROW, LockModeType.PESSIMISTIC_WRITE);
    }
}
