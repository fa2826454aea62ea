package org.onedoor.engagement;

/** The channel of a contact with a business. */
public enum ContactKind {
    CALL("Call"),
    EMAIL("Email"),
    VISIT("Visit"),
    EVENT("Event"),
    MEETING("Meeting");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
