package org.bantin.survey;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.database.SqlErrors;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.Problem.FieldError;
import org.bantin.http.ProblemException;
import org.bantin.survey.SurveyRecords.AdminSurveyView;
import org.bantin.survey.SurveyRecords.OptionInput;
import org.bantin.survey.SurveyRecords.OptionOrder;
import org.bantin.survey.SurveyRecords.OptionView;
import org.bantin.survey.SurveyRecords.SurveyInput;
import org.bantin.survey.SurveyRecords.SurveyResults;
import org.bantin.survey.SurveyRecords.SurveyUpdate;

import io.quarkus.panache.common.Sort;

/** Owns the editor side of surveys: their settings, options, and opening and closing. */
@ApplicationScoped
public class SurveyService {

    private final EntityManager entityManager;
    private final SurveyResultsQuery results;
    private final SurveyEvents events;

    SurveyService(EntityManager entityManager, SurveyResultsQuery results, SurveyEvents events) {
        this.entityManager = entityManager;
        this.results = results;
        this.events = events;
    }

    @Transactional
    public AdminSurveyView create(SurveyInput input, Caller caller) {
        requireDistinct(input.options(), "options");
        OffsetDateTime now = Timestamps.now();
        Survey survey = new Survey();
        survey.status = Survey.Status.DRAFT;
        survey.createdAt = now;
        survey.createdBy = caller.name();
        for (String text : input.options()) {
            addOption(survey, text);
        }
        apply(new SurveyUpdate(input.question(), input.description(), input.multipleChoice(), input.maxChoices(),
                input.opensAt(), input.closesAt(), input.resultsVisibility()), survey, caller, now);
        survey.persist();
        events.emit("survey.created", survey);
        return view(survey, now);
    }

    AdminSurveyView get(long id) {
        return view(find(id), Timestamps.now());
    }

    Page<AdminSurveyView> list(PageRequest page) {
        OffsetDateTime now = Timestamps.now();
        var query = Survey.<Survey>findAll(Sort.descending("updatedAt", "id"));
        List<AdminSurveyView> items = query.page(page.page() - 1, page.limit()).list().stream()
                .map(survey -> view(survey, now)).toList();
        return page.of(items, query.count());
    }

    @Transactional
    AdminSurveyView update(long id, SurveyUpdate input, Caller caller) {
        Survey survey = find(id);
        OffsetDateTime now = Timestamps.now();
        apply(input, survey, caller, now);
        events.emit("survey.updated", survey);
        return view(survey, now);
    }

    /**
     * Deletes a survey with its votes. The ballots go first: a chosen option may not be deleted
     * while its votes exist, and one cascading statement does not order the two. Locking the
     * survey first keeps new votes out between the two statements.
     */
    @Transactional
    void delete(long id) {
        List<?> locked = entityManager.createNativeQuery("SELECT id FROM surveys WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("No survey with id " + id + ".");
        }
        entityManager.createNativeQuery("DELETE FROM survey_ballots WHERE survey_id = ?1").setParameter(1, id).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM surveys WHERE id = ?1").setParameter(1, id).executeUpdate();
        events.deleted(id);
    }

    @Transactional
    public AdminSurveyView open(long id, Caller caller) {
        Survey survey = find(id);
        OffsetDateTime now = Timestamps.now();
        survey.status = Survey.Status.OPEN;
        if (survey.closesAt != null && !survey.closesAt.isAfter(now)) {
            survey.closesAt = null;
        }
        touch(survey, caller, now);
        events.emit("survey.opened", survey);
        return view(survey, now);
    }

    @Transactional
    AdminSurveyView close(long id, Caller caller) {
        Survey survey = find(id);
        OffsetDateTime now = Timestamps.now();
        survey.status = Survey.Status.CLOSED;
        touch(survey, caller, now);
        events.emit("survey.closed", survey);
        return view(survey, now);
    }

    @Transactional
    OptionView addOption(long surveyId, OptionInput input, Caller caller) {
        Survey survey = findForChange(surveyId);
        if (survey.options.size() >= SurveyRecords.MAX_OPTIONS) {
            throw ProblemException.conflict("A survey has at most " + SurveyRecords.MAX_OPTIONS + " options.");
        }
        requireDistinct(texts(survey, input.text()), "text");
        SurveyOption option = addOption(survey, input.text());
        touch(survey, caller, Timestamps.now());
        entityManager.flush();
        events.emit("survey.updated", survey);
        return OptionView.of(option);
    }

    @Transactional
    OptionView editOption(long surveyId, long optionId, OptionInput input, Caller caller) {
        Survey survey = findForChange(surveyId);
        SurveyOption option = findOption(survey, optionId);
        option.text = input.text().strip();
        requireDistinct(texts(survey, null), "text");
        touch(survey, caller, Timestamps.now());
        events.emit("survey.updated", survey);
        return OptionView.of(option);
    }

    /** Removes an option; refused with 409 once it has votes (the database's foreign key says so). */
    @Transactional
    void removeOption(long surveyId, long optionId, Caller caller) {
        Survey survey = findForChange(surveyId);
        SurveyOption option = findOption(survey, optionId);
        if (survey.options.size() <= 2) {
            throw ProblemException.conflict("A survey needs at least 2 options.");
        }
        survey.options.remove(option);
        touch(survey, caller, Timestamps.now());
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw ProblemException.conflict("The option '" + option.text + "' has votes and cannot be removed.");
            }
            throw e;
        }
        events.emit("survey.updated", survey);
    }

    @Transactional
    AdminSurveyView reorder(long surveyId, OptionOrder order, Caller caller) {
        Survey survey = findForChange(surveyId);
        Set<Long> current = survey.options.stream().map(option -> option.id).collect(Collectors.toSet());
        if (order.optionIds().size() != current.size() || !current.equals(new HashSet<>(order.optionIds()))) {
            throw ProblemException.invalidField(422, "optionIds", "must list every option of the survey exactly once");
        }
        for (SurveyOption option : survey.options) {
            option.position = order.optionIds().indexOf(option.id);
        }
        survey.options.sort(Comparator.comparingInt(option -> option.position));
        OffsetDateTime now = Timestamps.now();
        touch(survey, caller, now);
        events.emit("survey.updated", survey);
        return view(survey, now);
    }

    /** Results for the CSV export. */
    SurveyResults resultsOf(long id) {
        return results.resultsOf(find(id).id);
    }

    private void apply(SurveyUpdate input, Survey survey, Caller caller, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (!input.multipleChoice() && input.maxChoices() != null) {
            errors.add(new FieldError("maxChoices", "is only for a multiple-choice survey"));
        }
        if (input.maxChoices() != null && input.maxChoices() > survey.options.size()) {
            errors.add(new FieldError("maxChoices", "must not exceed the number of options"));
        }
        if (input.opensAt() != null && input.closesAt() != null && !input.closesAt().isAfter(input.opensAt())) {
            errors.add(new FieldError("closesAt", "must be after opensAt"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(422, errors);
        }
        survey.question = input.question().strip();
        survey.description = input.description() == null ? "" : input.description().strip();
        survey.multipleChoice = input.multipleChoice();
        survey.maxChoices = input.maxChoices();
        survey.opensAt = input.opensAt();
        survey.closesAt = input.closesAt();
        survey.resultsVisibility = input.resultsVisibility();
        touch(survey, caller, now);
    }

    private static SurveyOption addOption(Survey survey, String text) {
        SurveyOption option = new SurveyOption();
        option.survey = survey;
        option.text = text.strip();
        // After the last; positions may have gaps where options were removed.
        option.position = survey.options.stream().mapToInt(existing -> existing.position + 1).max().orElse(0);
        survey.options.add(option);
        return option;
    }

    private static List<String> texts(Survey survey, String extra) {
        List<String> texts = new ArrayList<>(survey.options.stream().map(option -> option.text).toList());
        if (extra != null) {
            texts.add(extra);
        }
        return texts;
    }

    /** Two options with the same text (ignoring case and spaces around) would confuse readers. */
    private static void requireDistinct(List<String> texts, String field) {
        Set<String> seen = new HashSet<>();
        for (String text : texts) {
            if (!seen.add(text.strip().toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalidField(422, field, "has the option '" + text.strip() + "' twice");
            }
        }
    }

    private static void touch(Survey survey, Caller caller, OffsetDateTime now) {
        survey.updatedAt = now;
        survey.updatedBy = caller.name();
    }

    static Survey find(long id) {
        return find(id, LockModeType.NONE);
    }

    /** The survey, locked until the transaction ends: editors changing its options take turns. */
    private static Survey findForChange(long id) {
        return find(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Survey find(long id, LockModeType lock) {
        return Survey.<Survey>findByIdOptional(id, lock)
                .orElseThrow(() -> ProblemException.notFound("No survey with id " + id + "."));
    }

    private static SurveyOption findOption(Survey survey, long optionId) {
        return survey.options.stream().filter(option -> option.id == optionId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The survey has no option with id " + optionId + "."));
    }

    private AdminSurveyView view(Survey survey, OffsetDateTime now) {
        return new AdminSurveyView(survey.id, survey.question, survey.description,
                survey.options.stream().map(OptionView::of).toList(), survey.multipleChoice, survey.maxChoices,
                survey.state(now), survey.opensAt, survey.closesAt, survey.resultsVisibility,
                results.resultsOf(survey.id),
                survey.createdAt, survey.createdBy, survey.updatedAt, survey.updatedBy);
    }
}
