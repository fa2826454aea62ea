package org.onedoor.demand;

/** Service start that follows an accepted offer: a referral, or the recording partner's own service. */
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
