package org.onedoor.demand;

/** The business's answer to an offer. Accepting or declining closes the need. Deferring leaves it open. */
public enum OfferAnswer {

    ACCEPTED("Accepted"),
    DECLINED("Declined"),
    DEFERRED("Deferred");

    private final String label;

    OfferAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
