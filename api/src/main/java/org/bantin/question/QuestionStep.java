package org.bantin.question;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.bantin.http.ProblemException;

/** A staff step on a question: the states it may start from and the one it leads to. */
enum QuestionStep {

    ASSIGN("routed to a unit", EnumSet.of(QuestionState.NEW, QuestionState.ASSIGNED), QuestionState.ASSIGNED),
    /** Answering again changes the answer: it can be edited until it is published. */
    ANSWER("answered", EnumSet.of(QuestionState.ASSIGNED, QuestionState.ANSWERED), QuestionState.ANSWERED), PUBLISH("published",
            EnumSet.of(QuestionState.ANSWERED), QuestionState.PUBLISHED), UNPUBLISH("unpublished",
                    EnumSet.of(QuestionState.PUBLISHED), QuestionState.ANSWERED), REJECT("rejected",
                            EnumSet.of(QuestionState.NEW, QuestionState.ASSIGNED, QuestionState.ANSWERED),
                            QuestionState.REJECTED);

    private final String done;
    private final Set<QuestionState> from;
    private final QuestionState to;

    QuestionStep(String done, Set<QuestionState> from, QuestionState to) {
        this.done = done;
        this.from = from;
        this.to = to;
    }

    /** The state after this step, or a 409 that names the question's state when the step does not start from it. */
    QuestionState from(QuestionState current) {
        if (!from.contains(current)) {
            String starts = from.stream().map(QuestionState::wireName).collect(Collectors.joining(" or "));
            throw ProblemException.invalidTransition(current.wireName(),
                    "Only a question that is " + starts + " can be " + done + "; this one is " + current.wireName() + ".");
        }
        return to;
    }
}
