package org.onedoor.publicdirectory.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A service as the public directory shows it. It holds only what the partner publishes: no staff names except the
 * service's own contact.
 *
 * @param lastVerifiedAt when the partner last confirmed the entry; {@code null} if never
 * @param verificationOverdue true when the entry was never confirmed or was confirmed longer ago than the partner's
 *                            review period
 */
public record PublicService(long id, String name, String description, String eligibilityDescription,
                            String categoryCode, long partnerId, String partnerName, String programName, long areaId,
                            String areaName, String contactName, String contactEmail, String contactPhone,
                            Availability availability, OfficeContact office, Instant lastVerifiedAt,
                            boolean verificationOverdue) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a zzz", Locale.US);

    /** Returns the label of the service's category in plain words. */
    public String categoryLabel() {
        return PlainCategories.label(categoryCode);
    }

    /** Returns when the entry was last confirmed, in the office's zone, or an empty string if never. */
    public String lastVerifiedText() {
        return format(lastVerifiedAt);
    }

    /** Returns when the capacity figures were last updated, in the office's zone, or an empty string. */
    public String availabilityUpdatedText() {
        return format(availability.updatedAt());
    }

    private String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.of(office.timeZone())));
    }
}
