package org.onedoor.engagement;

import java.time.Instant;

/**
 * A planned contact that the coordination check sent to the account manager instead of recording it.
 *
 * @param status {@code PENDING}, {@code ACCEPTED}, {@code COMBINED} or {@code DECLINED}
 * @param contactId the planned contact that accepting created, or the account manager's own contact it was combined
 *                  with; {@code null} while pending or when declined
 */
public record CoordinationRequest(long id, long businessId, String businessName, long accountManagerId,
                                  long partnerId, String partnerName, long requestedBy, String requestedByName,
                                  ContactKind kind, ContactPurpose purpose, Instant plannedAt, String timeZone,
                                  String summary, Long contactPersonId, String status, Long decidedBy,
                                  Instant decidedAt, String decisionNote, Long contactId, Instant createdAt) {
}
