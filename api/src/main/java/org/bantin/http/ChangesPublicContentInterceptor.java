package org.bantin.http;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Drops the cached public responses after a content change. Its priority puts it outside
 * {@code @Transactional}, so it runs after the commit: a response read before the commit is
 * not kept (ResponseCache's generations), and one read after it is fresh.
 */
@ChangesPublicContent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class ChangesPublicContentInterceptor {

    private final ResponseCache cache;

    ChangesPublicContentInterceptor(ResponseCache cache) {
        this.cache = cache;
    }

    @AroundInvoke
    Object invalidateAfter(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } finally {
            cache.invalidateAll(); // also after a failure: harmless, and a partial change is covered
        }
    }
}
