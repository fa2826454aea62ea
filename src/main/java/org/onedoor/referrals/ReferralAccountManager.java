package org.onedoor.referrals;

/**
 * A business's account manager and concierge choice, as the referral pages show them.
 *
 * @param managerName       the person, or the team with its lead, or {@code null} when the business has no account
 *                          manager
 * @param partnerName       the account manager's partner, or {@code null} without an account manager
 * @param concierge         whether the business chose that its account manager arranges other partners' services
 * @param contactRouteLabel how receiving partners contact a concierge business, such as "Through the account
 *                          manager", or {@code null} when {@code concierge} is false
 */
public record ReferralAccountManager(String managerName, String partnerName, boolean team, boolean concierge,
                                     String contactRouteLabel) {

    public boolean hasManager() {
        return managerName != null;
    }
}
