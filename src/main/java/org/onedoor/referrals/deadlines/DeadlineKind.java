package org.onedoor.referrals.deadlines;

/** The two time limits a service sets for the partner that receives a referral. */
public enum DeadlineKind {
    /** Met when the referral leaves the requested and received statuses, for example when it is accepted. */
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
