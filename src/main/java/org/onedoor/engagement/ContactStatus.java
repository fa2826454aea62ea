package org.onedoor.engagement;

public enum ContactStatus {
    PLANNED("Planned"),
    DONE("Done"),
    CANCELLED("Cancelled");

    private final String label;

    ContactStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
