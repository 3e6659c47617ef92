package org.bantin.content;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import org.bantin.auth.Caller;

/**
 * What a content type tells the shared workflow ({@link ContentReview}, {@link ContentRevisions}): its name in the
 * shared tables, the state clients see, its rule for a second approval, how it is written and who reads the work on
 * it. C is its entity, I its input (what a revision keeps).
 */
public interface ContentWorkflow<C extends ReviewedContent, I> {

    /** The content type in the tables shared by every type: revisions, transitions, preview links. */
    String type();

    /** The state clients see of the version editors work on (the pending one, if any). */
    String workingState(C content, OffsetDateTime now);

    /**
     * Who needs a second approval of this content's working copy, as the subject of a sentence ("Articles of
     * 'Thông báo'"); empty when one editor may publish it.
     */
    Optional<String> secondApproval(C content);

    /** Writes the content now, so that the database's refusals (a concurrent change, a taken slug) become problems. */
    void write(C content);

    /** A 404 unless the caller may read the work on the content: its revisions, workflow steps and previews. */
    void requireWorkReadable(long id, Caller caller);

    /** The type's input, which revisions keep. */
    Class<I> inputType();

    /** The input's fields that hold rich text, compared line by line. */
    Set<String> richTextFields();
}
