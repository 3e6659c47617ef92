package org.bantin.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.revision.RevisionRecords.RevisionDiff;
import org.bantin.revision.RevisionRecords.RevisionSummary;
import org.bantin.revision.RevisionRecords.RevisionView;
import org.bantin.revision.Revisions;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A content's revisions, of any type, read with the read rights on the work on it. */
@ApplicationScoped
public class ContentRevisions {

    private final Revisions revisions;
    private final ObjectMapper json;

    ContentRevisions(Revisions revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    @Transactional
    public Page<RevisionSummary> list(ContentWorkflow<?, ?> workflow, long id, PageRequest page, Caller caller) {
        workflow.requireWorkReadable(id, caller);
        return revisions.list(workflow.type(), id, page);
    }

    @Transactional
    public RevisionView get(ContentWorkflow<?, ?> workflow, long id, long revisionId, Caller caller) {
        workflow.requireWorkReadable(id, caller);
        return revisions.get(workflow.type(), id, revisionId);
    }

    @Transactional
    public RevisionDiff diff(ContentWorkflow<?, ?> workflow, long id, long a, long b, Caller caller) {
        workflow.requireWorkReadable(id, caller);
        return revisions.diff(workflow.type(), id, a, b, workflow.richTextFields());
    }

    /** The revision's content as an input, for the type to save as a PUT of it would: that save is a new revision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <I> I restored(ContentWorkflow<?, I> workflow, long id, long revisionId, Caller caller) {
        workflow.requireWorkReadable(id, caller);
        return json.convertValue(revisions.get(workflow.type(), id, revisionId).data(), workflow.inputType());
    }
}
