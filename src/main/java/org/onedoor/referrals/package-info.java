/**
 * Referrals of a business from one partner to another partner's service: the quality standard, the checks at
 * send (eligibility, capacity, no two partners at once), the status flow and the lists each side works from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals")
package org.onedoor.referrals;
