package org.bantin.question;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.bantin.http.ProblemException;

/** Where a question stands: asked, routed to a unit, answered, published with its answer, or rejected. */
enum QuestionState {

    NEW, ASSIGNED, ANSWERED, PUBLISHED, REJECTED;

    /** The name clients and the database use. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a client names, or a 400 naming the parameter. */
    static QuestionState of(String parameter, String wireName) {
        for (QuestionState state : values()) {
            if (state.wireName().equals(wireName)) {
                return state;
            }
        }
        throw ProblemException.invalidField(400, parameter, "must be one of new, assigned, answered, published, rejected");
    }

    /** Stores the wire name, as the table's check constraint lists them. */
    @Converter
    static class Column implements AttributeConverter<QuestionState, String> {

        @Override
        public String convertToDatabaseColumn(QuestionState state) {
            return state == null ? null : state.wireName();
        }

        @Override
        public QuestionState convertToEntityAttribute(String wireName) {
            return wireName == null ? null : valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }
}
