package org.onedoor.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of checking, before a partner plans a sales visit, call campaign or needs assessment, which contacts
 * every partner had or plans with the business within the area's window.
 *
 * @param contacts the contacts, done or planned, in the window; cancelled ones are left out
 * @param accountManager the active account manager, if the business has one
 * @param plannerIsAccountManager whether the planner is the account manager, or on its team
 */
public record CoordinationCheck(long businessId, int windowDays, Instant from, Instant to,
                                List<ContactEntry> contacts, Optional<AccountManager> accountManager,
                                boolean plannerIsAccountManager) {

    /** Returns true when other contacts exist, so the plan needs an override reason or the account manager. */
    public boolean conflicts() {
        return !contacts.isEmpty();
    }

    /** Returns true when a conflicting plan goes to the account manager as a request instead of being recorded. */
    public boolean routesToAccountManager() {
        return conflicts() && accountManager.isPresent() && !plannerIsAccountManager;
    }
}
