package org.bantin.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.survey.SurveyRecords.OptionResult;
import org.bantin.survey.SurveyRecords.SurveyResults;

/** Reads a survey's results from its sharded totals, summing the shards. */
@ApplicationScoped
class SurveyResultsQuery {

    private final EntityManager entityManager;

    SurveyResultsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    SurveyResults resultsOf(long surveyId) {
        long voters = ((Number) entityManager.createNativeQuery(
                "SELECT coalesce(sum(voters), 0) FROM survey_totals WHERE survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT o.id, o.text, coalesce(sum(t.votes), 0) FROM survey_options o
                LEFT JOIN survey_option_totals t ON t.option_id = o.id
                WHERE o.survey_id = ?1 GROUP BY o.id ORDER BY o.position""", Object[].class)
                .setParameter(1, surveyId).getResultList();
        List<OptionResult> options = rows.stream().map(row -> {
            long votes = ((Number) row[2]).longValue();
            return new OptionResult(((Number) row[0]).longValue(), (String) row[1], votes, percent(votes, voters));
        }).toList();
        return new SurveyResults(surveyId, voters, options);
    }

    /** Share of voters, rounded half up to one decimal. */
    private static double percent(long votes, long voters) {
        if (voters == 0) {
            return 0;
        }
        return BigDecimal.valueOf(votes * 100).divide(BigDecimal.valueOf(voters), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
