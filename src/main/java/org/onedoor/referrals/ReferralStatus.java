package org.onedoor.referrals;

/**
 * The status of a referral. The codes and their meanings are those of the FHIR Task status value set
 * (https://hl7.org/fhir/R4B/valueset-task-status.html), less {@code draft}, {@code ready} and
 * {@code entered-in-error}, which a sent referral never needs.
 */
public enum ReferralStatus {
    /** Sent and waiting for the receiving partner to notice it. */
    REQUESTED("requested", false),
    /** The receiving partner has seen it but not yet decided. Receipt never closes a referral. */
    RECEIVED("received", false),
    /** The receiving partner agreed to serve the business. */
    ACCEPTED("accepted", false),
    /** The receiving partner declined it. */
    REJECTED("rejected", true),
    /** The receiving partner is working with the business. */
    IN_PROGRESS("in-progress", false),
    /** Work has paused, for example at the business's request. */
    ON_HOLD("on-hold", false),
    /** The service was delivered, and the referral carries the outcome. */
    COMPLETED("completed", true),
    /** Work started but could not be finished, or the referral expired unanswered. */
    FAILED("failed", true),
    /** The sender withdrew it before it was finished. */
    CANCELLED("cancelled", true);

    private final String fhirCode;
    private final boolean closed;

    ReferralStatus(String fhirCode, boolean closed) {
        this.fhirCode = fhirCode;
        this.closed = closed;
    }

    /** Returns the FHIR Task status code, such as {@code in-progress}. */
    public String fhirCode() {
        return fhirCode;
    }

    /** Returns true for the end states: rejected, completed, failed and cancelled. */
    public boolean closed() {
        return closed;
    }
}
