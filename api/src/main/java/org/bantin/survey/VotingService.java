package org.bantin.survey;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.bantin.database.SqlErrors;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.ratelimit.BallotCaps;
import org.bantin.survey.SurveyRecords.OptionView;
import org.bantin.survey.SurveyRecords.SurveyResults;
import org.bantin.survey.SurveyRecords.SurveyView;
import org.bantin.survey.SurveyRecords.VoteReceipt;

/** The readers' side of surveys: seeing them, voting once, and seeing results when allowed. */
@ApplicationScoped
public class VotingService {

    private final EntityManager entityManager;
    private final SurveyResultsQuery results;
    private final ResultsAfterVote resultsAfterVote;
    private final BallotCaps ballotCaps;

    VotingService(EntityManager entityManager, SurveyResultsQuery results, ResultsAfterVote resultsAfterVote,
            BallotCaps ballotCaps) {
        this.entityManager = entityManager;
        this.results = results;
        this.resultsAfterVote = resultsAfterVote;
        this.ballotCaps = ballotCaps;
    }

    /** Open and closed surveys (state null), or only the open or the closed ones; newest first. */
    Page<SurveyView> list(SurveyState state, PageRequest page) {
        String condition = state == null
                ? "(" + Survey.CLOSED_SQL + " OR " + Survey.OPEN_SQL + ")"
                : state == SurveyState.OPEN ? Survey.OPEN_SQL : Survey.CLOSED_SQL;
        List<Long> ids = entityManager.createNativeQuery("SELECT s.id FROM surveys s WHERE " + condition
                + " ORDER BY coalesce(s.opens_at, s.created_at) DESC, s.id DESC LIMIT ?1 OFFSET ?2")
                .setParameter(1, page.limit()).setParameter(2, page.offset()).getResultList();
        long total = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM surveys s WHERE " + condition)
                .getSingleResult()).longValue();
        OffsetDateTime now = Timestamps.now();
        Map<Long, Survey> byId = Survey.<Survey>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(survey -> survey.id, Function.identity()));
        // A survey deleted between the two queries is left out.
        List<SurveyView> items = ids.stream().filter(byId::containsKey)
                .map(id -> view(byId.get(id), now, Optional.empty())).toList();
        return page.of(items, total);
    }

    SurveyView get(long id, Optional<byte[]> voter) {
        Survey survey = visible(id);
        return view(survey, Timestamps.now(), voter);
    }

    /** Casts a vote that counts against no client's cap, as demo content does. */
    public VoteReceipt vote(long surveyId, List<Long> optionIds, byte[] voter) {
        return vote(surveyId, optionIds, voter, BallotCaps.Cap.NONE);
    }

    /**
     * Casts this voter's one vote. The database checks it against the survey as it is at that
     * moment (see cast_vote): a vote on a closed survey, a second vote, or one past the cap of
     * this client's address (see count_ballot), changes nothing.
     */
    public VoteReceipt vote(long surveyId, List<Long> optionIds, byte[] voter, BallotCaps.Cap cap) {
        if (new HashSet<>(optionIds).size() != optionIds.size()) {
            throw ProblemException.invalidField(422, "optionIds", "must not repeat an option");
        }
        // One statement, no transaction around it: it commits on its own before the answer is sent.
        long voteStartedAt = System.nanoTime();
        Object[] row;
        try {
            row = (Object[]) entityManager
                    .createNativeQuery("SELECT * FROM cast_capped_vote(?1, ?2, CAST(?3 AS bigint[]), ?4, CAST(?5 AS integer))")
                    .setParameter(1, surveyId).setParameter(2, voter).setParameter(3, optionIds.toArray(Long[]::new))
                    .setParameter(4, cap.addressHash()).setParameter(5, cap.perHour()).getSingleResult();
        } catch (PersistenceException e) {
            ballotCaps.refuseIfCapReached(e);
            // An editor removed the survey or a chosen option while the vote was being cast.
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw ProblemException.conflict("The survey changed while the vote was cast; nothing was counted.");
            }
            throw e;
        }
        String outcome = (String) row[0];
        return switch (outcome) {
            case "counted" -> new VoteReceipt(surveyId, optionIds,
                    ResultsVisibility.valueOf((String) row[1]).shownAfterVoting()
                            ? resultsAfterVote.with(surveyId, optionIds, voteStartedAt)
                            : null);
            case "no-survey" -> throw ProblemException.notFound("No survey with id " + surveyId + ".");
            case "not-open" -> throw ProblemException.conflict("The survey is not open; it takes no votes.");
            case "too-many" ->
                throw ProblemException.invalidField(422, "optionIds", "holds more options than the survey allows");
            case "not-offered" -> throw ProblemException.invalidField(422, "optionIds", "must be options of this survey");
            case "already-voted" -> throw ProblemException.conflict("This reader has already voted in this survey.");
            default -> throw new IllegalStateException("Unknown vote outcome " + outcome);
        };
    }

    SurveyResults results(long surveyId, Optional<byte[]> voter) {
        Survey survey = visible(surveyId);
        SurveyState state = survey.state(Timestamps.now());
        boolean voted = voter.isPresent() && !myVote(surveyId, voter.get()).isEmpty();
        if (!resultsVisible(survey, state, voted)) {
            throw ProblemException.forbidden(switch (survey.resultsVisibility) {
                case AFTER_VOTE -> "The results are shown after voting: send the Voter-Token you voted with.";
                case AFTER_CLOSE -> "The results are shown once the survey closes.";
                default -> "The results of this survey are not public.";
            });
        }
        return results.resultsOf(surveyId);
    }

    private static boolean resultsVisible(Survey survey, SurveyState state, boolean voted) {
        return switch (survey.resultsVisibility) {
            case ALWAYS -> true;
            case AFTER_VOTE -> voted;
            case AFTER_CLOSE -> state == SurveyState.CLOSED;
            case NEVER -> false;
        };
    }

    private List<Long> myVote(long surveyId, byte[] voter) {
        return entityManager.createNativeQuery(
                "SELECT option_id FROM survey_ballot_options WHERE survey_id = ?1 AND voter_id = ?2 ORDER BY option_id")
                .setParameter(1, surveyId).setParameter(2, voter).getResultList();
    }

    /** A survey readers may see: any but a draft. */
    private static Survey visible(long id) {
        return Survey.<Survey>findByIdOptional(id)
                .filter(survey -> survey.state(Timestamps.now()) != SurveyState.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("No survey with id " + id + "."));
    }

    private SurveyView view(Survey survey, OffsetDateTime now, Optional<byte[]> voter) {
        List<Long> myVote = voter.map(id -> myVote(survey.id, id)).filter(ids -> !ids.isEmpty()).orElse(null);
        return new SurveyView(survey.id, survey.question, survey.description,
                survey.options.stream().map(OptionView::of).toList(), survey.multipleChoice, survey.choiceLimit(),
                survey.state(now), survey.opensAt, survey.closesAt, survey.resultsVisibility, myVote);
    }
}
