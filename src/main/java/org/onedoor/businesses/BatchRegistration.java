package org.onedoor.businesses;

import org.onedoor.shared.InvalidInputException;

/**
 * The outcome of one record of {@link BusinessRegistry#registerAll}: its registration, or the rejection of an
 * invalid record, which wrote nothing.
 */
public record BatchRegistration(Registration registration, InvalidInputException rejection) {

    public BatchRegistration {
        if ((registration == null) == (rejection == null)) {
            throw new IllegalArgumentException("Exactly one of registration and rejection is required");
        }
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
