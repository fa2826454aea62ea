package org.onedoor.engagement.internal;

import java.util.Optional;

import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.Concierge;
import org.onedoor.referrals.AccountManagerLookup;
import org.onedoor.referrals.ReferralAccountManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Supplies the referral pages with a business's account manager and concierge choice. */
@Component
class ReferralAccountManagers implements AccountManagerLookup {

    private final AccountManagers accountManagers;
    private final ConciergeChoices conciergeChoices;

    ReferralAccountManagers(AccountManagers accountManagers, ConciergeChoices conciergeChoices) {
        this.accountManagers = accountManagers;
        this.conciergeChoices = conciergeChoices;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReferralAccountManager> find(long businessId) {
        Optional<AccountManager> manager = accountManagers.active(businessId);
        Optional<Concierge> choice = conciergeChoices.find(businessId).filter(Concierge::concierge);
        if (manager.isEmpty() && choice.isEmpty()) {
            return Optional.empty();
        }
        boolean concierge = choice.isPresent();
        String route = choice.map(found -> found.contactRoute().label()).orElse(null);
        return Optional.of(new ReferralAccountManager(manager.map(AccountManager::displayName).orElse(null),
                manager.map(AccountManager::partnerName).orElse(null),
                manager.map(found -> found.teamId() != null).orElse(false), concierge, route));
    }
}
