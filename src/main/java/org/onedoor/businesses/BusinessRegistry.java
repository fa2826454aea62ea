package org.onedoor.businesses;

/**
 * Adds incoming business records to the shared profiles: a record that is plainly an existing business becomes
 * another source record of it, anything else becomes a new business.
 */
public interface BusinessRegistry {

    /**
     * Registers one record in the caller's transaction, or in a new one when there is none, so a failure
     * leaves nothing half-written.
     *
     * @throws org.onedoor.shared.InvalidInputException when a required value is missing or invalid
     */
    Registration register(IncomingBusiness business, SourceReference source);
}
