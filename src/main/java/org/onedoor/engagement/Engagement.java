package org.onedoor.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onedoor.engagement.internal.AccountManagers;
import org.onedoor.engagement.internal.ConciergeChoices;
import org.onedoor.engagement.internal.ContactLog;
import org.onedoor.engagement.internal.Contacts;
import org.onedoor.engagement.internal.Coordination;
import org.onedoor.identity.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Engagement for other modules: a business's account manager and concierge choice, its contacts, and the
 * coordination check to run before planning a sales visit, call campaign or needs assessment.
 */
@Service
public class Engagement {

    private final AccountManagers accountManagers;
    private final ConciergeChoices concierge;
    private final ContactLog contactLog;
    private final Contacts contacts;
    private final Coordination coordination;

    Engagement(AccountManagers accountManagers, ConciergeChoices concierge, ContactLog contactLog, Contacts contacts,
               Coordination coordination) {
        this.accountManagers = accountManagers;
        this.concierge = concierge;
        this.contactLog = contactLog;
        this.contacts = contacts;
        this.coordination = coordination;
    }

    public Optional<AccountManager> accountManager(long businessId) {
        return accountManagers.active(businessId);
    }

    /** Returns the business's concierge choice; empty when none was recorded, which means no concierge service. */
    public Optional<Concierge> concierge(long businessId) {
        return concierge.find(businessId);
    }

    /**
     * Lists the contacts by every partner in the area's window around {@code plannedAt}, with the account manager.
     * A caller that finds {@link CoordinationCheck#routesToAccountManager()} sends the plan to the account manager
     * instead of scheduling it, which {@link #recordContact} does.
     *
     * @param plannedAt when the planner means to contact the business; {@code null} means now
     * @throws org.onedoor.shared.NotFoundException for an unknown business
     */
    public CoordinationCheck coordinationCheck(long businessId, CurrentUser planner, Instant plannedAt) {
        return coordination.check(businessId, planner, plannedAt);
    }

    /**
     * Records a contact, running the coordination check for plans it covers.
     *
     * @throws CoordinationConflictException when a plan meets other contacts and was neither overridden nor routed
     * @throws org.onedoor.shared.InvalidInputException naming each invalid field
     */
    public ContactOutcome recordContact(long businessId, NewContact contact, CurrentUser user) {
        return contacts.record(businessId, contact, user);
    }

    /** Lists a business's contacts, newest first, with partner notes only for the reader's own partner. */
    public List<ContactEntry> contacts(long businessId, CurrentUser reader, int limit) {
        return contactLog.forBusiness(businessId, reader, limit);
    }
}
