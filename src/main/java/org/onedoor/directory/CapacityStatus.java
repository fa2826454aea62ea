package org.onedoor.directory;

/**
 * Whether a service can take a referral now. {@link #UNKNOWN} covers both a service without figures and one whose
 * figures are older than their freshness limit: such a service is not referable until someone confirms them.
 */
public enum CapacityStatus {

    AVAILABLE("Available"),
    FULL("Full"),
    UNKNOWN("Availability unknown");

    private final String label;

    CapacityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
