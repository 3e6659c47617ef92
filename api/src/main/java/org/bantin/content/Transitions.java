package org.bantin.content;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** The workflow steps of every content type: who moved which content from which state to which, when and why. */
@ApplicationScoped
public class Transitions {

    @Schema(name = "Transition", description = "A workflow step of a content.")
    public record Transition(
            @Schema(example = "in_review", required = true) String from,
            @Schema(example = "changes_requested", required = true) String to,
            @Schema(description = "The editor's comment of a request for changes.", example = "Bổ sung số liệu quý III và nguồn trích dẫn.") String comment,
            @Schema(description = "Name of the token that made the step.", example = "Biên tập viên Nguyễn Văn A", required = true) String by,
            @Schema(example = "2026-12-03T09:00:00Z", required = true) OffsetDateTime at) {
    }

    /** Records a step in the transaction that makes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, long contentId, String from, String to, String comment, Caller caller) {
        ContentTransition step = new ContentTransition();
        step.contentType = type;
        step.contentId = contentId;
        step.fromState = from;
        step.toState = to;
        step.comment = comment;
        step.actor = caller.name();
        step.tokenId = caller.tokenId();
        step.at = Timestamps.now();
        step.persist();
    }

    /** Newest first. */
    public Page<Transition> list(String type, long contentId, PageRequest page) {
        PanacheQuery<ContentTransition> query = ContentTransition.find("contentType = ?1 and contentId = ?2",
                Sort.descending("id"), type, contentId);
        List<Transition> items = query.page(page.page() - 1, page.limit()).list().stream()
                .map(step -> new Transition(step.fromState, step.toState, step.comment, step.actor, step.at)).toList();
        return page.of(items, query.count());
    }

    /** Forgets the steps of a deleted content. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String type, long contentId) {
        ContentTransition.delete("contentType = ?1 and contentId = ?2", type, contentId);
    }
}
