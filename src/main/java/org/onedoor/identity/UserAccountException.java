package org.onedoor.identity;

/**
 * Rejects an account change, naming the field and the fix. {@link #field()} is the form field the message
 * belongs to.
 */
public class UserAccountException extends RuntimeException {

    private final String field;

    public UserAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
