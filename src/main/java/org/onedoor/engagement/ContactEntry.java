package org.onedoor.engagement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One contact with a business, done, planned or cancelled.
 *
 * @param occurredAt when it happened or is planned, in UTC
 * @param timeZone the IANA zone of the office it was entered for, in which it is shown
 * @param partnerNote the note only staff of {@code partnerId} may read; {@code null} for every other reader
 * @param overrideReason why staff recorded it although the coordination check found other contacts
 */
public record ContactEntry(long id, long businessId, String businessName, long partnerId, String partnerName,
                           Long officeId, long staffUserId, String staffName, ContactKind kind,
                           ContactPurpose purpose, ContactStatus status, String summary, Long contactPersonId,
                           String contactPersonName, Instant occurredAt, String timeZone, String partnerNote,
                           Long campaignId, String overrideReason, Instant createdAt) {

    public ZonedDateTime localTime() {
        return occurredAt.atZone(ZoneId.of(timeZone));
    }
}
