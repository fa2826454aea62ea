package org.onedoor.identity;

/**
 * The rights of a staff account. Partner administrators and staff belong to one partner; administrators serve the
 * whole installation.
 */
public enum Role {

    ADMINISTRATOR("Administrator"),
    PARTNER_ADMINISTRATOR("Partner administrator"),
    STAFF("Staff");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns the Spring Security authority name, such as {@code ROLE_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
