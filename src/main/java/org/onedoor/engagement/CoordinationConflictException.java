package org.onedoor.engagement;

import org.onedoor.shared.ConflictException;

/**
 * Rejects a planned sales visit, call campaign or needs assessment because other contacts with the business fall
 * inside the coordination window and no override reason was given. Carries the check so the caller can show the
 * contacts.
 */
public class CoordinationConflictException extends ConflictException {

    private final transient CoordinationCheck check;

    public CoordinationConflictException(String message, CoordinationCheck check) {
        super(message);
        this.check = check;
    }

    public CoordinationCheck check() {
        return check;
    }
}
