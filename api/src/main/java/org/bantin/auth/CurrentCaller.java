package org.bantin.auth;

import jakarta.enterprise.context.RequestScoped;

/** Holds the authenticated caller of the current request, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on an endpoint without @RequiresRole");
        }
        return caller;
    }
}
