package org.onedoor.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats an instant for a reader, such as {@code Tue, Mar 16, 2027, 5:00 PM CDT}. */
public final class TimeDisplay {

    // The zone abbreviation (zzz) comes from the zone's rules at that instant, so it reads CDT in summer and CST in
    // winter for America/Chicago.
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a zzz", Locale.US);

    private TimeDisplay() {
    }

    public static String format(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }
}
