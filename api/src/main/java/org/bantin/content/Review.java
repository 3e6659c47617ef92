package org.bantin.content;

/**
 * Where a content's working copy stands in review: being written, waiting for an editor, sent back with a
 * comment, or approved by a first editor where a second one must publish it. Publishing starts again at NONE.
 */
public enum Review {

    NONE, IN_REVIEW, CHANGES_REQUESTED, APPROVED
}
