package org.bantin.survey;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether readers can see and vote: draft (hidden), open (voting), closed (results only). */
public enum SurveyState {

    DRAFT, OPEN, CLOSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
