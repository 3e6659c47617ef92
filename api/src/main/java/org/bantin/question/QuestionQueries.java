package org.bantin.question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.bantin.http.PageRequest;
import org.bantin.question.QuestionRecords.QuestionFilter;

/**
 * The SQL of questions: pages of them by state, topic and words of the question and answer (case and Vietnamese
 * tones and marks never matter: search_vector, migration V31), and the topics readers choose from.
 */
@ApplicationScoped
class QuestionQueries {

    /** The order of a list. */
    enum Order {

        /** The staff's queue. */
        OLDEST_ASKED_FIRST("q.asked_at, q.id"), NEWEST_ASKED_FIRST("q.asked_at DESC, q.id DESC"),
        /** What readers see. */
        NEWEST_ANSWERED_FIRST("q.answered_at DESC, q.id DESC");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** One page of questions, and how many match in all. */
    record Found(List<Question> questions, long total) {
    }

    private final EntityManager entityManager;

    QuestionQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Found find(QuestionFilter filter, Order order, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> parameters = new HashMap<>();
        if (filter.state() != null) {
            conditions.add("q.state = :state");
            parameters.put("state", filter.state().wireName());
        }
        if (filter.topic() != null) {
            conditions.add("q.topic = :topic");
            parameters.put("topic", filter.topic());
        }
        if (filter.query() != null) {
            conditions.add("q.search_vector @@ websearch_to_tsquery('simple', bantin_unaccent(CAST(:words AS text)))");
            parameters.put("words", filter.query());
        }
        String where = " FROM questions q WHERE " + String.join(" AND ", conditions);
        long total = ((Number) query("SELECT count(*)" + where, parameters).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Number> ids = query("SELECT q.id" + where + " ORDER BY " + order.sql + " LIMIT :limit OFFSET :offset",
                parameters).setParameter("limit", page.limit()).setParameter("offset", page.offset()).getResultList();
        Map<Long, Question> found = Question.<Question>list("id in ?1", ids.stream().map(Number::longValue).toList())
                .stream().collect(Collectors.toMap(question -> question.id, Function.identity()));
        // One changed between the two queries so as to match no more is left out.
        return new Found(ids.stream().map(id -> found.get(id.longValue())).filter(question -> question != null
                && (filter.state() == null || question.state == filter.state())).toList(), total);
    }

    /** The topics readers choose from, in the site's order. */
    @SuppressWarnings("unchecked")
    List<String> topics() {
        return entityManager.createNativeQuery("SELECT name FROM question_topics ORDER BY position").getResultList();
    }

    private Query query(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query;
    }
}
