package org.onedoor.directory.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats instants for the directory pages in a given zone, always with the zone's abbreviation. */
public final class DirectoryTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a zzz", Locale.US);

    private DirectoryTimes() {
    }

    /** Formats an instant as a medium date and a short time with the zone abbreviation, or an empty string for {@code null}. */
    public static String format(Instant instant, String timeZone) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZoneId.of(timeZone)));
    }
}
