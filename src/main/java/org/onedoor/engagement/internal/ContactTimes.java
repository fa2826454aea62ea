package org.onedoor.engagement.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.onedoor.shared.InvalidInputException;

/** Reads the time of a contact as staff enter it: with an offset, or as a local time in the office's zone. */
final class ContactTimes {

    private ContactTimes() {
    }

    /**
     * Parses {@code 2026-12-10T14:30:00Z}, {@code 2026-12-10T09:30-05:00} or a local {@code 2026-12-10T09:30} in
     * the zone. A local time that the zone skips when clocks move forward is rejected, never moved.
     *
     * @throws InvalidInputException naming the value and the expected form
     */
    static Instant parse(String text, ZoneId zone, String field) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            // A local time follows.
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Time '" + text + "' is invalid. Enter it as 2026-12-10T09:30 in "
                    + "the office's time zone (" + zone + "), or with an offset such as 2026-12-10T09:30-05:00.");
        }
        try {
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                throw new InvalidInputException(field, "Time " + local + " does not exist in " + zone + " because the "
                        + "clocks move forward then. Enter a time an hour later.");
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "Time '" + text + "' is out of range. Enter a date from this century.");
        }
    }
}
