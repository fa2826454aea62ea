package org.onedoor.referrals;

import java.time.Instant;

/** A business waiting for a service that was full or had unknown availability when a referral was tried. */
public record WaitingListEntry(long id, long businessId, String businessName, long serviceId, String serviceName,
                               long receivingPartnerId, Long sendingPartnerId, String sendingPartnerName,
                               long addedBy, String addedByName, String needCode, String note, Instant addedAt) {
}
