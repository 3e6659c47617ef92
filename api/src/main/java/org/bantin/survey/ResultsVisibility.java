package org.bantin.survey;

import com.fasterxml.jackson.annotation.JsonValue;

/** When readers may see a survey's results; editors always may. */
public enum ResultsVisibility {

    ALWAYS("always"), AFTER_VOTE("afterVote"), AFTER_CLOSE("afterClose"), NEVER("never");

    private final String wireName;

    ResultsVisibility(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether a reader sees the results in the answer to the vote (the survey is open then). */
    boolean shownAfterVoting() {
        return this == ALWAYS || this == AFTER_VOTE;
    }
}
