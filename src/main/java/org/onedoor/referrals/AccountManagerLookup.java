package org.onedoor.referrals;

import java.util.Optional;

/**
 * Finds a business's account manager and concierge choice for the referral pages. The engagement module
 * implements it, because engagement already depends on referrals and a direct call back would make a cycle.
 */
public interface AccountManagerLookup {

    /** Returns the account manager and concierge choice, or empty when the business has neither. */
    Optional<ReferralAccountManager> find(long businessId);
}
