package org.bantin.survey;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.webhook.Outbox;

/** What webhooks are told of surveys, in the transaction of the change. */
@ApplicationScoped
class SurveyEvents {

    private final Outbox outbox;

    SurveyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** type is survey.created, survey.updated (its settings or options), survey.opened or survey.closed. */
    void emit(String type, Survey survey) {
        outbox.emit(type, key(survey.id), Map.of("id", survey.id, "status", survey.status.name().toLowerCase(Locale.ROOT)));
    }

    void deleted(long id) {
        outbox.emit("survey.deleted", key(id), Map.of("id", id));
    }

    private static String key(long id) {
        return "survey:" + id;
    }
}
