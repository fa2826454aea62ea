package org.onedoor.referrals.deadlines;

/** The two time limits a service sets for the partner that receives a referral. */
public enum DeadlineKind {
    /**
     * Met when the receiving partner moves the referral out of requested and received, for example to accepted
     * or rejected. Cancelled and failed close the referral without meeting it.
     */
    RESPONSE("response"),
    /** Met when the receiving partner records its first contact with the business. */
    FIRST_CONTACT("first contact");

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
