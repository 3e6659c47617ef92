package org.bantin.auth;

/** What a bearer secret turned out to be: a caller, or a refusal. */
record Authentication(Caller caller, Refusal refusal) {

    /** Why a bearer secret is refused: a short reason for the log, and what the client is told. */
    enum Refusal {

        /** Unknown and revoked tokens read alike, so that an answer never says whether a secret exists. */
        UNKNOWN("unknown", "The API token is unknown or revoked."), REVOKED("revoked", UNKNOWN.detail),
        /** Only the holder of a real secret learns that it expired. */
        EXPIRED("expired", "The API token has expired; ask an admin for a new one."), BOOTSTRAP_OVER(
                "BANTIN_ADMIN_TOKEN while a named admin token is active",
                "BANTIN_ADMIN_TOKEN only bootstraps: it stops working while a named admin token is active. Use a named admin token.");

        final String reason;
        final String detail;

        Refusal(String reason, String detail) {
            this.reason = reason;
            this.detail = detail;
        }
    }

    static Authentication accepted(Caller caller) {
        return new Authentication(caller, null);
    }

    static Authentication refused(Refusal refusal) {
        return new Authentication(null, refusal);
    }
}
