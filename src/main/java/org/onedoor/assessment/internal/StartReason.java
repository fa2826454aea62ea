package org.onedoor.assessment.internal;

/** Whether a new assessment of a business may start, and why. */
public enum StartReason {

    /** The business has no assessment yet. */
    FIRST(true),
    /** The current assessment is valid and nothing material changed since: update it instead. */
    VALID(false),
    EXPIRED(true),
    /** A layoff or closure was announced after the current assessment was completed. */
    LAYOFF(true),
    /** Another business was merged into this one after the current assessment was completed. */
    MERGER(true),
    /** An establishment was added after the current assessment was completed. */
    NEW_ESTABLISHMENT(true);

    private final boolean allowsNew;

    StartReason(boolean allowsNew) {
        this.allowsNew = allowsNew;
    }

    public boolean allowsNew() {
        return allowsNew;
    }
}
