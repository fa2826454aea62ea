package org.onedoor.businesses;

import java.util.List;

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

    /**
     * Registers records in order in the caller's transaction, with the same decisions as calling {@link #register}
     * for each in turn: a record may join a business that an earlier record of the list created or changed. The
     * reads and writes of the whole list are a few statements, not several per record. An invalid record is
     * rejected before anything of it is written and does not stop the others.
     *
     * @param sources the source of each record, at the same position
     * @return the outcome of each record, at the same position
     */
    List<BatchRegistration> registerAll(List<IncomingBusiness> businesses, List<SourceReference> sources);

    /**
     * Lists the businesses, not merged into another, whose legal name or a trade name has the same name key as
     * {@code name}, oldest first. The key ignores case, accents, punctuation and a trailing legal form, so {@code Acme
     * Tools, Inc.} finds {@code ACME TOOLS}. Before reading, it takes the transaction-scoped lock that {@link #register}
     * takes for that name, so two callers that look up and then register the same name cannot both create it.
     * Call it inside a transaction; outside one, the lock ends with the statement.
     */
    List<Long> findByNameLocked(String name);

    /**
     * Takes, in the caller's transaction, the locks that registering these records will need, in one statement and
     * in one global order. A caller that registers a batch of records in one transaction calls it first, so the
     * records need no lock statements of their own, and two batches never wait for each other's advisory locks in
     * opposite orders. Records without a legal name are skipped, and {@link #register} still checks every record.
     */
    void lockFor(List<IncomingBusiness> businesses);
}
