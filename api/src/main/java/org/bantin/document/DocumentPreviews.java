package org.bantin.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.content.PreviewTokens;
import org.bantin.content.PreviewTokens.PreviewLink;
import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.http.ProblemException;

/** Preview links to documents: what the content core's links open, shown as readers would get it once published. */
@ApplicationScoped
class DocumentPreviews {

    static final String PATH = PreviewTokens.PATH + "documents/";

    private final PreviewTokens tokens;
    private final DocumentService documents;

    DocumentPreviews(PreviewTokens tokens, DocumentService documents) {
        this.tokens = tokens;
        this.documents = documents;
    }

    /** A new link to a document whose work the caller may read. */
    @Transactional
    PreviewLink issue(long id, Caller caller) {
        documents.requireWorkReadable(id, caller);
        return tokens.issue(Document.TYPE, id, PATH, caller);
    }

    /** Ends every link to the document at once. */
    @Transactional
    void revoke(long id, Caller caller) {
        documents.requireWorkReadable(id, caller);
        tokens.revoke(Document.TYPE, id);
    }

    /** The document a live link shows, as readers would get it once published (its pending version); a 404 otherwise. */
    @Transactional
    DocumentView show(String token) {
        long id = tokens.opened(Document.TYPE, token).orElseThrow(
                () -> ProblemException.notFound("No preview at this link: it is unknown, expired or revoked."));
        return documents.working(Document.<Document>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No preview at this link: its document was deleted.")));
    }
}
