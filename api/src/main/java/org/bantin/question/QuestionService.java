package org.bantin.question;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.content.Transitions;
import org.bantin.content.Transitions.Transition;
import org.bantin.database.Timestamps;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.Problem.FieldError;
import org.bantin.http.ProblemException;
import org.bantin.question.QuestionQueries.Order;
import org.bantin.question.QuestionRecords.AskInput;
import org.bantin.question.QuestionRecords.QuestionFilter;
import org.bantin.question.QuestionRecords.QuestionReceipt;
import org.bantin.question.QuestionRecords.QuestionView;

/**
 * Citizens' questions: readers ask; staff route each one to a unit, answer it, and publish or reject it. Every staff
 * step is recorded in its own transaction with who made it and when (content_transitions).
 */
@ApplicationScoped
public class QuestionService {

    private final EntityManager entityManager;
    private final QuestionQueries queries;
    private final Transitions transitions;
    private final ContentChanges changes;

    QuestionService(EntityManager entityManager, QuestionQueries queries, Transitions transitions, ContentChanges changes) {
        this.entityManager = entityManager;
        this.queries = queries;
        this.transitions = transitions;
        this.changes = changes;
    }

    /** Takes a reader's question, with an email or a phone number and a topic of the list; else a 422, nothing saved. */
    @Transactional
    public QuestionReceipt ask(AskInput input) {
        String email = blankToNull(input.email());
        String phone = blankToNull(input.phone());
        List<FieldError> errors = new ArrayList<>();
        if (email == null && phone == null) {
            errors.add(new FieldError("email", "give an email or a phone number (or both), for the answer"));
            errors.add(new FieldError("phone", "give an email or a phone number (or both), for the answer"));
        }
        List<String> topics = queries.topics();
        if (!topics.contains(input.topic().strip())) {
            errors.add(new FieldError("topic", "must be one of " + String.join(", ", topics)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(422, errors);
        }
        Question question = new Question();
        question.name = input.name().strip();
        question.email = email;
        question.phone = phone;
        question.topic = input.topic().strip();
        question.question = input.question().strip();
        question.state = QuestionState.NEW;
        question.askedAt = Timestamps.now();
        question.updatedAt = question.askedAt;
        question.persist();
        return new QuestionReceipt(question.id, question.state.wireName(), question.topic, question.askedAt);
    }

    /** The queue: new and assigned questions oldest first, any other list newest asked first. */
    public Page<QuestionView> list(QuestionFilter filter, PageRequest page) {
        Order order = filter.state() == QuestionState.NEW || filter.state() == QuestionState.ASSIGNED
                ? Order.OLDEST_ASKED_FIRST
                : Order.NEWEST_ASKED_FIRST;
        QuestionQueries.Found found = queries.find(filter, order, page);
        return page.of(found.questions().stream().map(QuestionService::view).toList(), found.total());
    }

    public QuestionView get(long id) {
        return view(Question.<Question>findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    /** Newest first. */
    public Page<Transition> transitions(long id, PageRequest page) {
        get(id);
        return transitions.list(Question.TYPE, id, page);
    }

    /** Routes the question to a unit of the department, or to another one. */
    @Transactional
    public QuestionView assign(long id, String unit, Caller caller) {
        Question question = findForStep(id);
        QuestionState from = question.state;
        question.state = QuestionStep.ASSIGN.from(from);
        question.unit = unit.strip();
        return step(question, from, question.unit, caller);
    }

    /** Answers the question, or changes its answer until it is published. */
    @Transactional
    public QuestionView answer(long id, String answer, Caller caller) {
        Question question = findForStep(id);
        QuestionState from = question.state;
        question.state = QuestionStep.ANSWER.from(from);
        question.answer = answer.strip();
        question.answeredBy = caller.name();
        question.answeredAt = Timestamps.now();
        question.settledAt = question.answeredAt;
        return step(question, from, null, caller);
    }

    /** Readers see the question and its answer from now on. */
    @Transactional
    public QuestionView publish(long id, Caller caller) {
        Question question = findForStep(id);
        QuestionState from = question.state;
        question.state = QuestionStep.PUBLISH.from(from);
        question.publishedAt = Timestamps.now();
        return step(question, from, null, caller);
    }

    /** Takes a published question back to answered: readers no longer see it, and its answer can be changed. */
    @Transactional
    public QuestionView unpublish(long id, Caller caller) {
        Question question = findForStep(id);
        QuestionState from = question.state;
        question.state = QuestionStep.UNPUBLISH.from(from);
        question.publishedAt = null;
        return step(question, from, null, caller);
    }

    /** Closes a question without publishing it, for the reason given (kept, and recorded with the step). */
    @Transactional
    public QuestionView reject(long id, String reason, Caller caller) {
        Question question = findForStep(id);
        QuestionState from = question.state;
        question.state = QuestionStep.REJECT.from(from);
        question.rejectReason = reason.strip();
        question.settledAt = Timestamps.now();
        return step(question, from, question.rejectReason, caller);
    }

    /** Records the step; a step from or to published changes what readers see, so the cached responses go. */
    private QuestionView step(Question question, QuestionState from, String comment, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        question.updatedAt = now;
        question.persistAndFlush();
        transitions.record(Question.TYPE, question.id, from.wireName(), question.state.wireName(), comment, caller);
        if (from == QuestionState.PUBLISHED || question.state == QuestionState.PUBLISHED) {
            changes.afterCommit(ContentChange.EVERYTHING);
        }
        return view(question);
    }

    private Question findForStep(long id) {
        Question question = entityManager.find(Question.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (question == null) {
            throw notFound(id);
        }
        return question;
    }

    static QuestionView view(Question question) {
        return new QuestionView(question.id, question.name, question.email, question.phone, question.topic,
                question.question, question.state.wireName(), question.unit, question.answer, question.answeredBy,
                question.answeredAt, question.rejectReason, question.askedAt, question.publishedAt,
                question.contactErasedAt, question.version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("No question with id " + id + ".");
    }
}
