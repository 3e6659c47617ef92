package org.bantin.question;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.question.QuestionQueries.Order;
import org.bantin.question.QuestionRecords.PublicQuestion;
import org.bantin.question.QuestionRecords.QuestionFilter;

/** What readers see of questions: published ones only, newest answer first, the asker's name shortened, no contact. */
@ApplicationScoped
class PublicQuestions {

    private final QuestionQueries queries;

    PublicQuestions(QuestionQueries queries) {
        this.queries = queries;
    }

    Page<PublicQuestion> list(String query, String topic, PageRequest page) {
        QuestionQueries.Found found = queries.find(new QuestionFilter(query, topic, QuestionState.PUBLISHED),
                Order.NEWEST_ANSWERED_FIRST, page);
        return page.of(found.questions().stream().map(PublicQuestions::view).toList(), found.total());
    }

    PublicQuestion get(long id) {
        return Question.<Question>findByIdOptional(id).filter(question -> question.state == QuestionState.PUBLISHED)
                .map(PublicQuestions::view)
                .orElseThrow(() -> ProblemException.notFound("No published question with id " + id + "."));
    }

    private static PublicQuestion view(Question question) {
        return new PublicQuestion(question.id, PublicNames.of(question.name), question.topic, question.question,
                question.answer, question.unit, question.askedAt, question.answeredAt);
    }
}
