package org.onedoor.demand;

/** What starts when the business accepts an offer. */
public enum FollowUp {

    REFERRAL("A referral to another partner"),
    OWN_SERVICE("The recording partner's own service");

    private final String label;

    FollowUp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
