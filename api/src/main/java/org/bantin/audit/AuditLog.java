package org.bantin.audit;

import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.audit.AuditRecords.AuditEntryView;
import org.bantin.auth.TokenRefused;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes the audit log (append only) and reads it back, as pages or as CSV. */
@ApplicationScoped
class AuditLog {

    /** The most entries one CSV export holds; a filter matching more is refused. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final int EXPORT_FETCH_SIZE = 500;

    /**
     * Writes an entry in a transaction of its own, after whatever it records has committed. A
     * failure is logged, not thrown: the change it records stands and has been answered.
     */
    void write(AuditEntry entry) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                entry.at = Timestamps.now();
                entry.persist();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit entry not written: %s %s by %s (status %d)", entry.httpMethod, entry.path,
                    entry.actorName, entry.status);
        }
    }

    void tokenRefused(@Observes TokenRefused refused) {
        AuditEntry entry = new AuditEntry();
        entry.objectType = "token";
        entry.action = "login-refused";
        entry.changedFields = List.of();
        entry.clientAddress = refused.clientAddress();
        entry.httpMethod = refused.method();
        entry.path = refused.path();
        entry.status = 401;
        write(entry);
    }

    Page<AuditEntryView> list(AuditFilter filter, PageRequest page) {
        var query = AuditEntry.matching(filter);
        List<AuditEntryView> items = query.page(page.page() - 1, page.limit()).list().stream()
                .map(AuditEntryView::of).toList();
        return page.of(items, query.count());
    }

    /** Refuses, naming `from`, a filter that matches more entries than one export may hold. */
    void checkExportable(AuditFilter filter) {
        if (AuditEntry.matching(filter).count() > MAX_EXPORT_ROWS) {
            throw ProblemException.invalidField(400, "from",
                    "more than " + MAX_EXPORT_ROWS + " entries match: narrow the export with from and to");
        }
    }

    /** Writes the matching entries, newest first, as CSV; read in batches, never all held at once. */
    void export(AuditFilter filter, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (AuditCsv csv = new AuditCsv(out, filter.zone());
                    Stream<AuditEntry> entries = AuditEntry.matching(filter)
                            .withHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_FETCH_SIZE)
                            .range(0, MAX_EXPORT_ROWS - 1).stream()) {
                entries.forEach(entry -> {
                    csv.write(entry);
                    AuditEntry.getEntityManager().detach(entry);
                });
            }
        });
    }
}
