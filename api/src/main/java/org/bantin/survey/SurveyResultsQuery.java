package org.bantin.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.survey.SurveyRecords.OptionResult;
import org.bantin.survey.SurveyRecords.SurveyResults;

/** Reads a survey's results from its sharded totals (the survey_results function). */
@ApplicationScoped
class SurveyResultsQuery {

    private final EntityManager entityManager;

    SurveyResultsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    SurveyResults resultsOf(long surveyId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT * FROM survey_results(?1)", Object[].class)
                .setParameter(1, surveyId).getResultList();
        // Each row: option id, text, votes, and the survey's number of voters.
        long voters = rows.isEmpty() ? 0 : ((Number) rows.get(0)[3]).longValue();
        List<OptionResult> options = rows.stream().map(row -> {
            long votes = ((Number) row[2]).longValue();
            return new OptionResult(((Number) row[0]).longValue(), (String) row[1], votes, percent(votes, voters));
        }).toList();
        return new SurveyResults(surveyId, voters, options);
    }

    /** Share of voters, rounded half up to one decimal. */
    static double percent(long votes, long voters) {
        if (voters == 0) {
            return 0;
        }
        return BigDecimal.valueOf(votes * 100).divide(BigDecimal.valueOf(voters), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
