package org.onedoor.publicdirectory.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The office a business contacts about a service.
 *
 * @param phoneE164 the E.164 form of {@code phone} for a tel: link, or {@code null} when it did not parse
 * @param hours opening hours as the partner wrote them, in the office's local time; may be empty
 * @param timeZone an IANA zone name
 */
public record OfficeContact(String name, String addressLine1, String addressLine2, String city, String state,
                            String zip, String countyName, String phone, String phoneE164, String email,
                            String hours, String timeZone) {

    /** Returns the zone's abbreviation in effect now, such as EDT or EST. */
    public String timeZoneAbbreviationNow() {
        return ZonedDateTime.now(ZoneId.of(timeZone)).format(DateTimeFormatter.ofPattern("zzz", Locale.US));
    }

    /** Returns the zone's generic English name, such as "Eastern Time". */
    public String timeZoneName() {
        return ZoneId.of(timeZone).getDisplayName(TextStyle.FULL_STANDALONE, Locale.US);
    }
}
