package org.onedoor.shared;

/** Rejects a request that conflicts with the current state, naming what it conflicts with; mapped to 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
