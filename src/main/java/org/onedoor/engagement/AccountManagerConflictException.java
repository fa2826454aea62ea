package org.onedoor.engagement;

import org.onedoor.shared.ConflictException;

/** Rejects assigning an account manager while another is active and the request is not a hand-over. */
public class AccountManagerConflictException extends ConflictException {

    private final transient AccountManager active;

    public AccountManagerConflictException(String message, AccountManager active) {
        super(message);
        this.active = active;
    }

    public AccountManager active() {
        return active;
    }
}
