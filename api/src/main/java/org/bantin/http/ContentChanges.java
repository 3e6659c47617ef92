package org.bantin.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Drops this instance's cached responses that a change touches once its transaction has
 * committed: a response read before the commit is then not kept (ResponseCache's change log), and
 * one read after it is fresh. Other instances hear of the change from the database (see
 * org.bantin.database.ContentNotifications).
 */
@ApplicationScoped
public class ContentChanges {

    private final ResponseCache cache;
    private final TransactionSynchronizationRegistry transactions;

    ContentChanges(ResponseCache cache, TransactionSynchronizationRegistry transactions) {
        this.cache = cache;
        this.transactions = transactions;
    }

    /** To be called in the transaction that makes the change. */
    public void afterCommit(ContentChange change) {
        if (!cache.enabled() || change.unseen()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_ROLLEDBACK) {
                    cache.invalidate(change); // committed, or unknown: dropping costs only a read
                }
            }
        });
    }
}
