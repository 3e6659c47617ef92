package org.bantin.content;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.revision.RevisionRecords.RevisionView;
import org.bantin.revision.Revisions;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Review before publishing, for every content type: an author submits the working copy, an editor sends it back with a
 * comment, approves it where a second editor must publish, or publishes it. A change to a live content waits beside it
 * as its pending version (a revision) until it is published. Each step is recorded with who made it and when. The type
 * finds the content and checks who may change it; these steps run in its transaction.
 */
@ApplicationScoped
public class ContentReview {

    /** A live content's pending version, as its type's input, with who saved it and when. */
    public record Pending<I>(I input, OffsetDateTime savedAt, String savedBy) {
    }

    private final Transitions transitions;
    private final Revisions revisions;
    private final PreviewTokens previews;
    private final ObjectMapper json;

    ContentReview(Transitions transitions, Revisions revisions, PreviewTokens previews, ObjectMapper json) {
        this.transitions = transitions;
        this.revisions = revisions;
        this.previews = previews;
        this.json = json;
    }

    /**
     * The author (or an editor) asks for review of a draft, of one sent back, or of a live content's pending version,
     * as it was at the expected version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C extends ReviewedContent> void submit(ContentWorkflow<C, ?> workflow, C content, Integer expectedVersion,
            Caller caller, OffsetDateTime now) {
        if (caller.role() == Role.AUTHOR && !caller.owns(content.ownerTokenId)) {
            throw ProblemException.forbidden("Authors may submit only their own " + workflow.type() + "s.");
        }
        content.requireVersion(workflow.type(), expectedVersion);
        String from = workflow.workingState(content, now);
        if (content.live() && content.pendingRevision == null) {
            throw ProblemException.invalidTransition(from, "The " + workflow.type() + " is " + from
                    + " and has no pending changes to review; save a change first.");
        }
        content.review = ReviewStep.SUBMIT.from(content.review, from);
        content.submittedAt = now;
        step(workflow, content, from, null, caller, now);
    }

    /** An editor sends the working copy back to its author, saying what to change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C extends ReviewedContent> void requestChanges(ContentWorkflow<C, ?> workflow, C content, String comment,
            Caller caller, OffsetDateTime now) {
        String from = workflow.workingState(content, now);
        content.review = ReviewStep.REQUEST_CHANGES.from(content.review, from);
        content.approvedBy = null;
        content.approvedTokenId = null;
        content.reviewComment = comment.strip();
        content.reviewCommentBy = caller.name();
        content.reviewCommentAt = now;
        step(workflow, content, from, content.reviewComment, caller, now);
    }

    /** Where a second editor must publish, the first approves the working copy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C extends ReviewedContent> void approve(ContentWorkflow<C, ?> workflow, C content, Caller caller,
            OffsetDateTime now) {
        String from = workflow.workingState(content, now);
        if (workflow.secondApproval(content).isEmpty()) {
            throw ProblemException.invalidTransition(from, "The " + workflow.type() + " is " + from
                    + " and needs no second approval: publish it.");
        }
        content.review = ReviewStep.APPROVE.from(content.review, from);
        content.approvedBy = caller.name();
        content.approvedTokenId = caller.tokenId();
        step(workflow, content, from, null, caller, now);
    }

    /** Where a second editor must publish, the content goes live only once approved, and by another editor. */
    public <C extends ReviewedContent> void requireSecondApproval(ContentWorkflow<C, ?> workflow, C content, String state,
            Caller caller) {
        Optional<String> who = workflow.secondApproval(content);
        if (who.isEmpty()) {
            return;
        }
        if (content.review != Review.APPROVED) {
            throw ProblemException.invalidTransition(state, who.get() + " need a second approval: an editor "
                    + "approves them (POST .../approve), then another publishes them. This one is " + state + ".");
        }
        if (Objects.equals(content.approvedTokenId, caller.tokenId())) {
            throw ProblemException.invalidTransition(state, who.get() + " are published by another editor "
                    + "than the one who approved them (" + content.approvedBy + ").");
        }
    }

    /** Content changed after a first approval needs approving again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String type, ReviewedContent content, Caller caller) {
        if (content.review == Review.APPROVED) {
            transitions.record(type, content.id, ReviewStep.wireName(Review.APPROVED), ReviewStep.wireName(Review.IN_REVIEW),
                    "Changed after approval: to be approved again.", caller);
            content.review = Review.IN_REVIEW;
            content.approvedBy = null;
            content.approvedTokenId = null;
        }
    }

    /**
     * Saves the working copy of a live content as its pending version: a revision the content points to. The caller
     * holds the content's row lock (see {@link Revisions#record}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void savePending(String type, ReviewedContent content, Object snapshot, Caller caller) {
        content.pendingRevision = revisions.record(type, content.id, snapshot, caller);
    }

    /** The content's pending version, if it has one. */
    public <I> Optional<Pending<I>> pending(ContentWorkflow<?, I> workflow, ReviewedContent content) {
        if (content.pendingRevision == null) {
            return Optional.empty();
        }
        RevisionView revision = revisions.numbered(workflow.type(), content.id, content.pendingRevision);
        return Optional.of(new Pending<>(json.convertValue(revision.data(), workflow.inputType()), revision.createdAt(),
                revision.createdBy()));
    }

    /** Records that the working copy went live: the step, and its newest revision as one readers saw. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(String type, long id, String from, String to, Caller caller) {
        transitions.record(type, id, from, to, null, caller);
        revisions.markPublished(type, id); // the newest: what has just gone live
    }

    @Transactional
    public Page<Transitions.Transition> transitions(ContentWorkflow<?, ?> workflow, long id, PageRequest page,
            Caller caller) {
        workflow.requireWorkReadable(id, caller);
        return transitions.list(workflow.type(), id, page);
    }

    /** Forgets the revisions, steps and preview links of a deleted content. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String type, long id) {
        revisions.forget(type, id);
        transitions.forget(type, id);
        previews.forget(type, id);
    }

    private <C extends ReviewedContent> void step(ContentWorkflow<C, ?> workflow, C content, String from, String comment,
            Caller caller, OffsetDateTime now) {
        workflow.write(content);
        transitions.record(workflow.type(), content.id, from, workflow.workingState(content, now), comment, caller);
    }
}
