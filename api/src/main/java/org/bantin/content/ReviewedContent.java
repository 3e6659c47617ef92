package org.bantin.content;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.bantin.http.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A content that goes through review before readers see it: who owns it, where its working copy stands in review, and
 * (once it is live) the revision holding its pending version. Each type's entity extends it; the columns are in the
 * type's own table.
 */
@MappedSuperclass
public abstract class ReviewedContent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The token that created the content; authors change only their own. */
    @Column(name = "owner_token_id")
    public Long ownerTokenId;

    /** Where the working copy (the content until it is live, then its pending version) stands in review. */
    @Enumerated(EnumType.STRING)
    public Review review = Review.NONE;

    /** When the working copy was last submitted for review: the editors' queue is oldest first. */
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /** The first approval, where a second editor must publish. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_token_id")
    public Long approvedTokenId;

    /** The editor's last request for changes, kept for the author to read. */
    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "review_comment_by")
    public String reviewCommentBy;

    @Column(name = "review_comment_at")
    public OffsetDateTime reviewCommentAt;

    /** The revision holding the pending version of a live content; the content's own fields stay as readers see them. */
    @Column(name = "pending_revision")
    public Integer pendingRevision;

    @Version
    public int version;

    /** Whether readers see the content (now or once its time comes): its edits then wait beside it. */
    public abstract boolean live();

    /** A 412 unless the content is still the version the caller last saw; none expected: any version. */
    public void requireVersion(String type, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw ProblemException.preconditionFailed("The " + type + " has changed since version " + expectedVersion
                    + "; it is now at version " + version + ".");
        }
    }

    /** Published, or shown as its live version alone: the review of the working copy is over, its comment too. */
    public void endReview() {
        review = Review.NONE;
        submittedAt = null;
        approvedBy = null;
        approvedTokenId = null;
        reviewComment = null;
        reviewCommentBy = null;
        reviewCommentAt = null;
    }

    /** Copies who owns the content and the work in progress on it to an unmanaged copy. */
    protected void copyWorkTo(ReviewedContent copy) {
        copy.id = id;
        copy.ownerTokenId = ownerTokenId;
        copy.review = review;
        copy.submittedAt = submittedAt;
        copy.approvedBy = approvedBy;
        copy.approvedTokenId = approvedTokenId;
        copy.reviewComment = reviewComment;
        copy.reviewCommentBy = reviewCommentBy;
        copy.reviewCommentAt = reviewCommentAt;
        copy.pendingRevision = pendingRevision;
        copy.version = version;
    }
}
