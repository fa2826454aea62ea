package org.onedoor.engagement;

/**
 * The reason staff contact a business. Planning a sales visit, a call campaign or a needs assessment runs the
 * coordination check first, because a business should not get those from several partners in a row.
 */
public enum ContactPurpose {
    SALES_VISIT("Sales visit", true),
    CALL_CAMPAIGN("Call campaign", true),
    NEEDS_ASSESSMENT("Needs assessment", true),
    FOLLOW_UP("Follow-up", false),
    SERVICE_DELIVERY("Service delivery", false),
    INFORMATION("Information", false),
    OUTREACH("Outreach", false),
    OTHER("Other", false);

    private final String label;
    private final boolean coordinated;

    ContactPurpose(String label, boolean coordinated) {
        this.label = label;
        this.coordinated = coordinated;
    }

    public String label() {
        return label;
    }

    /** Returns true when planning a contact with this purpose runs the coordination check. */
    public boolean coordinated() {
        return coordinated;
    }
}
