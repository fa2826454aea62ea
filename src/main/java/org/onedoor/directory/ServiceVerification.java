package org.onedoor.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.onedoor.directory.internal.DirectoryTimes;

/**
 * When a service was last verified and whether its review is overdue. The review rule itself is the database
 * view {@code service_review}: a service is due for review its partner's review period after it was last
 * verified, or after it was created when it was never verified, and an active service past that time is
 * overdue. Pages show this record with the fragment {@code fragments/_verification :: verification}.
 *
 * @param lastVerifiedAt {@code null} when the service was never verified
 * @param lastVerifiedBy display name of the user who verified it; {@code null} when never verified
 * @param reviewDueAt when the service is due, or was due, for its next review
 * @param reviewOverdue true when the service is active and its review is past due
 */
public record ServiceVerification(Instant lastVerifiedAt, String lastVerifiedBy, Instant reviewDueAt,
                                  boolean reviewOverdue) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    /** Returns {@code overdue}, {@code not-verified} or {@code verified}, as the API reports it. */
    public String status() {
        if (reviewOverdue) {
            return "overdue";
        }
        return lastVerifiedAt == null ? "not-verified" : "verified";
    }

    public boolean everVerified() {
        return lastVerifiedAt != null;
    }

    /** Returns the time of the last verification in the given zone, with the zone abbreviation; empty if never. */
    public String lastVerifiedText(String timeZone) {
        return DirectoryTimes.format(lastVerifiedAt, timeZone);
    }

    /** Returns the date on which the review is or was due, in the given zone, as month abbreviation, day and year. */
    public String reviewDueDateText(String timeZone) {
        return DATE.format(reviewDueAt.atZone(ZoneId.of(timeZone)));
    }
}
