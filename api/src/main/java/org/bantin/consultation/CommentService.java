package org.bantin.consultation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.consultation.CommentFiles.CommentFile;
import org.bantin.consultation.ConsultationRecords.CommentAttachment;
import org.bantin.consultation.ConsultationRecords.CommentInput;
import org.bantin.consultation.ConsultationRecords.CommentReceipt;
import org.bantin.consultation.ConsultationRecords.ModeratedComment;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.ratelimit.BallotCaps;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Readers' comments and their moderation: a comment is taken only while its consultation is open, counted against
 * the sender's hourly cap across instances (BallotCaps), and published (approved or answered) only by staff.
 */
@ApplicationScoped
public class CommentService {

    private final EntityManager entityManager;
    private final ConsultationService consultations;
    private final BallotCaps ballotCaps;

    CommentService(EntityManager entityManager, ConsultationService consultations, BallotCaps ballotCaps) {
        this.entityManager = entityManager;
        this.consultations = consultations;
        this.ballotCaps = ballotCaps;
    }

    /**
     * Takes a comment (and its file, or null) in one transaction: a comment outside the consultation's window, or one
     * past the sender's cap, stores nothing.
     */
    public CommentReceipt submit(long consultationId, CommentInput input, CommentFile file, BallotCaps.Cap cap) {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> store(consultationId, input, file, cap));
        } catch (RuntimeException e) {
            ballotCaps.refuseIfCapReached(e);
            throw e;
        }
    }

    private CommentReceipt store(long consultationId, CommentInput input, CommentFile file, BallotCaps.Cap cap) {
        Consultation consultation = Consultation.<Consultation>find("id = ?1 and published = true", consultationId)
                .firstResultOptional().orElseThrow(() -> ConsultationService.notFound(consultationId));
        switch (consultation.status(Timestamps.now())) {
            case UPCOMING -> throw ProblemException.conflict("The consultation opens for comments at "
                    + consultation.opensAt + "; nothing was saved.");
            case CLOSED -> throw ProblemException.conflict("The consultation closed for comments at "
                    + consultation.closesAt + "; nothing was saved.");
            case OPEN -> {
            }
        }
        entityManager.createNativeQuery("SELECT 1 FROM count_ballot('comment', ?1, ?2, CAST(?3 AS integer))")
                .setParameter(1, consultationId).setParameter(2, cap.addressHash()).setParameter(3, cap.perHour())
                .getResultList();
        ConsultationComment comment = new ConsultationComment();
        comment.consultationId = consultationId;
        comment.name = input.name().strip();
        comment.email = input.email().strip();
        comment.organisation = input.organisation() == null ? "" : input.organisation().strip();
        comment.comment = input.comment().strip();
        comment.status = CommentStatus.PENDING;
        comment.createdAt = Timestamps.now();
        comment.persistAndFlush();
        if (file != null) {
            entityManager.createNativeQuery("INSERT INTO consultation_comment_files (comment_id, file_name, content_type,"
                    + " content) VALUES (?1, ?2, ?3, ?4)").setParameter(1, comment.id).setParameter(2, file.fileName())
                    .setParameter(3, file.contentType()).setParameter(4, file.content()).executeUpdate();
        }
        return new CommentReceipt(comment.id, consultationId, comment.status, file != null, comment.createdAt);
    }

    /** All comments of a consultation, or those of one status, in the order they came. */
    Page<ModeratedComment> list(long consultationId, String status, PageRequest page) {
        requireConsultation(consultationId);
        var query = status == null
                ? ConsultationComment.<ConsultationComment>find("consultationId = ?1", Sort.ascending("id"), consultationId)
                : ConsultationComment.<ConsultationComment>find("consultationId = ?1 and status = ?2", Sort.ascending("id"),
                        consultationId, status);
        return page.of(views(query.page(page.page() - 1, page.limit()).list()), query.count());
    }

    /** Every comment of a consultation, for the drafting office's export. */
    List<ModeratedComment> all(long consultationId) {
        requireConsultation(consultationId);
        return views(ConsultationComment.list("consultationId = ?1", Sort.ascending("id"), consultationId));
    }

    /** Approves a pending (or rejected) comment: readers see it once the consultation closes. */
    @Transactional
    public ModeratedComment approve(long consultationId, long commentId, Caller caller) {
        ConsultationComment comment = findForChange(consultationId, commentId);
        refuseIfAnswered(comment, "approved");
        if (!comment.status.equals(CommentStatus.APPROVED)) {
            moderate(comment, CommentStatus.APPROVED, null, caller);
        }
        return view(comment);
    }

    /** Rejects a comment that is not answered, with the reason kept for the drafting office. */
    @Transactional
    ModeratedComment reject(long consultationId, long commentId, String reason, Caller caller) {
        ConsultationComment comment = findForChange(consultationId, commentId);
        refuseIfAnswered(comment, "rejected");
        moderate(comment, CommentStatus.REJECTED, reason.strip(), caller);
        return view(comment);
    }

    /** Answers a comment that is not rejected; an answered comment is published with its answer. */
    @Transactional
    public ModeratedComment answer(long consultationId, long commentId, String answer, Caller caller) {
        ConsultationComment comment = findForChange(consultationId, commentId);
        if (comment.status.equals(CommentStatus.REJECTED)) {
            throw ProblemException.conflict("Comment " + commentId + " was rejected; approve it before answering it.");
        }
        if (comment.status.equals(CommentStatus.PENDING)) {
            comment.moderatedBy = caller.name();
            comment.moderatedAt = Timestamps.now();
        }
        comment.status = CommentStatus.ANSWERED;
        comment.answer = answer.strip();
        comment.answeredBy = caller.name();
        comment.answeredAt = Timestamps.now();
        shownToReaders(comment);
        return view(comment);
    }

    /** A comment's file, for staff. */
    CommentFile attachment(long consultationId, long commentId) {
        findComment(consultationId, commentId);
        List<?> rows = entityManager.createNativeQuery("SELECT file_name, content_type, content FROM"
                + " consultation_comment_files WHERE comment_id = ?1").setParameter(1, commentId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Comment " + commentId + " has no attached file.");
        }
        Object[] row = (Object[]) rows.get(0);
        return new CommentFile((String) row[0], (String) row[1], (byte[]) row[2]);
    }

    private void moderate(ConsultationComment comment, String status, String reason, Caller caller) {
        boolean shown = CommentStatus.PUBLISHED.contains(comment.status) || CommentStatus.PUBLISHED.contains(status);
        comment.status = status;
        comment.reason = reason;
        comment.moderatedBy = caller.name();
        comment.moderatedAt = Timestamps.now();
        if (shown) {
            shownToReaders(comment);
        }
    }

    /** Drops the cached public responses once a change to a comment that readers see (or saw) commits. */
    private void shownToReaders(ConsultationComment comment) {
        consultations.commentsChanged(comment.consultationId);
    }

    private static void refuseIfAnswered(ConsultationComment comment, String wanted) {
        if (comment.status.equals(CommentStatus.ANSWERED)) {
            throw ProblemException.conflict("Comment " + comment.id + " is answered; it cannot be " + wanted + " now.");
        }
    }

    private ConsultationComment findForChange(long consultationId, long commentId) {
        ConsultationComment comment = entityManager.find(ConsultationComment.class, commentId,
                LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || comment.consultationId != consultationId) {
            throw commentNotFound(consultationId, commentId);
        }
        return comment;
    }

    private static ConsultationComment findComment(long consultationId, long commentId) {
        return ConsultationComment.<ConsultationComment>find("id = ?1 and consultationId = ?2", commentId, consultationId)
                .firstResultOptional().orElseThrow(() -> commentNotFound(consultationId, commentId));
    }

    private static void requireConsultation(long consultationId) {
        if (Consultation.findById(consultationId) == null) {
            throw ConsultationService.notFound(consultationId);
        }
    }

    private ModeratedComment view(ConsultationComment comment) {
        return views(List.of(comment)).get(0);
    }

    /** The views of these comments, with their files' descriptions read in one query. */
    @SuppressWarnings("unchecked")
    private List<ModeratedComment> views(List<ConsultationComment> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("SELECT comment_id, file_name, content_type,"
                + " octet_length(content) FROM consultation_comment_files WHERE comment_id = ANY (CAST(?1 AS bigint[]))")
                .setParameter(1, comments.stream().map(c -> String.valueOf(c.id)).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<Long, Object[]> files = rows.stream()
                .collect(Collectors.toMap(row -> ((Number) row[0]).longValue(), Function.identity()));
        return comments.stream().map(c -> {
            Object[] file = files.get(c.id);
            CommentAttachment attachment = file == null
                    ? null
                    : new CommentAttachment((String) file[1], (String) file[2], ((Number) file[3]).longValue(),
                            "/api/v1/admin/consultations/" + c.consultationId + "/comments/" + c.id + "/attachment");
            return new ModeratedComment(c.id, c.consultationId, c.name, c.email, c.organisation, c.comment, c.status,
                    c.reason, c.answer, c.moderatedBy, c.moderatedAt, c.answeredBy, c.answeredAt, c.createdAt,
                    attachment);
        }).toList();
    }

    private static ProblemException commentNotFound(long consultationId, long commentId) {
        return ProblemException.notFound("Consultation " + consultationId + " has no comment with id " + commentId + ".");
    }
}
