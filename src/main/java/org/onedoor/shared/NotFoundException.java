package org.onedoor.shared;

/** Reports an id that names nothing; the web edge turns it into a 404 page or problem details. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " was not found.");
    }
}
