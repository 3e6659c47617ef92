package org.bantin.survey;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A survey: a question with options; open by hand or from opensAt, closed by hand or from closesAt. */
@Entity
@Table(name = "surveys")
public class Survey extends PanacheEntityBase {

    /** What editors did by hand; the state readers see also follows opensAt and closesAt. */
    public enum Status {
        DRAFT, OPEN, CLOSED
    }

    /** SQL conditions on a table aliased `s`; the functions mirror {@link #state}. */
    static final String CLOSED_SQL = "survey_is_closed(s)";
    static final String OPEN_SQL = "survey_is_open(s)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String question;

    public String description;

    @Column(name = "multiple_choice")
    public boolean multipleChoice;

    @Column(name = "max_choices")
    public Integer maxChoices;

    @Column(name = "opens_at")
    public OffsetDateTime opensAt;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "results_visibility")
    public ResultsVisibility resultsVisibility;

    @Enumerated(EnumType.STRING)
    public Status status;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<SurveyOption> options = new ArrayList<>();

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** A survey never opened stays a draft, even past its closesAt: it was never public. */
    public SurveyState state(OffsetDateTime now) {
        boolean hasOpened = status != Status.DRAFT || opensAt != null && !opensAt.isAfter(now);
        if (!hasOpened) {
            return SurveyState.DRAFT;
        }
        boolean closed = status == Status.CLOSED || closesAt != null && !closesAt.isAfter(now);
        return closed ? SurveyState.CLOSED : SurveyState.OPEN;
    }

    /** How many options one ballot may choose (cast_vote applies the same rule). */
    int choiceLimit() {
        if (!multipleChoice) {
            return 1;
        }
        return maxChoices == null ? options.size() : maxChoices;
    }
}
