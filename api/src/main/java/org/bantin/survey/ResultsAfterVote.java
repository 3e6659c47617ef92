package org.bantin.survey;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.survey.SurveyRecords.OptionResult;
import org.bantin.survey.SurveyRecords.SurveyResults;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The results shown to a reader right after voting: the survey's results as read at most
 * {@link #MAX_AGE} ago, with this reader's vote added. Reading the hot shard rows of a
 * popular survey on every vote would cost a fifth of the database's time per vote; the public
 * results endpoint still reads them exactly.
 */
@ApplicationScoped
class ResultsAfterVote {

    /** How stale the others' votes may be in the answer to a vote. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** Results, and when reading them finished (System.nanoTime). */
    private record Snapshot(SurveyResults results, long readFinishedAt) {
    }

    private final SurveyResultsQuery query;
    private final Cache<Long, Snapshot> snapshots = Caffeine.newBuilder().expireAfterWrite(MAX_AGE).maximumSize(1_000).build();

    ResultsAfterVote(SurveyResultsQuery query) {
        this.query = query;
    }

    /** Results including a vote whose casting started at {@code voteStartedAt} (System.nanoTime) and has committed. */
    SurveyResults with(long surveyId, List<Long> chosen, long voteStartedAt) {
        Snapshot snapshot = snapshots.get(surveyId, id -> new Snapshot(query.resultsOf(id), System.nanoTime()));
        if (snapshot.readFinishedAt() < voteStartedAt) {
            // Read before this vote began, so without it: add it.
            return plus(snapshot.results(), chosen);
        }
        // Read while this vote was being cast, so maybe with it: read again, now surely with it.
        return query.resultsOf(surveyId);
    }

    /** The results with one more voter, who chose these options. */
    private static SurveyResults plus(SurveyResults results, List<Long> chosen) {
        long voters = results.totalVoters() + 1;
        List<OptionResult> options = results.options().stream().map(option -> {
            long votes = option.votes() + (chosen.contains(option.id()) ? 1 : 0);
            return new OptionResult(option.id(), option.text(), votes, SurveyResultsQuery.percent(votes, voters));
        }).toList();
        return new SurveyResults(results.surveyId(), voters, options);
    }
}
