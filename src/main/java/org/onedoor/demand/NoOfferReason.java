package org.onedoor.demand;

/** Reason a contact with a business ended without an offer. {@link #OTHER} needs a note that explains it. */
public enum NoOfferReason {

    NO_NEED_IDENTIFIED("No need was identified"),
    INFORMATION_ONLY("The business asked for information only"),
    ALREADY_SERVED("The business already receives a service for the need"),
    NO_SUITABLE_SERVICE("No service in the area fits the need"),
    DECISION_MAKER_ABSENT("The person who decides for the business was not there"),
    OFFER_AT_NEXT_CONTACT("An offer follows at a planned contact"),
    OTHER("Other reason, explained in the note");

    private final String label;

    NoOfferReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
