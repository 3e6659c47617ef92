package org.bantin.content;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.bantin.http.ProblemException;

/** A step of review: the review states it may start from and the one it leads to. */
public enum ReviewStep {

    SUBMIT("submitted for review", EnumSet.of(Review.NONE, Review.CHANGES_REQUESTED), Review.IN_REVIEW), REQUEST_CHANGES(
            "sent back for changes", EnumSet.of(Review.IN_REVIEW, Review.APPROVED),
            Review.CHANGES_REQUESTED), APPROVE("approved", EnumSet.of(Review.IN_REVIEW), Review.APPROVED);

    private final String done;
    private final Set<Review> from;
    private final Review to;

    ReviewStep(String done, Set<Review> from, Review to) {
        this.done = done;
        this.from = from;
        this.to = to;
    }

    /**
     * The review state after this step, or a 409 that names the content's state (as clients see it, shownState)
     * when the step does not start from its review state.
     */
    public Review from(Review current, String shownState) {
        if (!from.contains(current)) {
            throw ProblemException.invalidTransition(shownState,
                    "Only content in " + startStates() + " can be " + done + "; this is " + shownState + ".");
        }
        return to;
    }

    private String startStates() {
        return String.join(" or ", from.stream().map(ReviewStep::wireName).toList());
    }

    /** The name clients see for a review state of content that is not live. */
    public static String wireName(Review review) {
        return review == Review.NONE ? "draft" : review.name().toLowerCase(Locale.ROOT);
    }
}
