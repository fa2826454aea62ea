package org.onedoor.engagement;

/** The route by which partners that receive a referral for a concierge business contact it, as the business chose. */
public enum ContactRoute {
    /** Every contact goes through the account manager. */
    THROUGH_ACCOUNT_MANAGER("Through the account manager"),
    /** Partners contact the business directly and keep the account manager informed. */
    DIRECT_WITH_KNOWLEDGE("Directly, with the account manager informed");

    private final String label;

    ContactRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
