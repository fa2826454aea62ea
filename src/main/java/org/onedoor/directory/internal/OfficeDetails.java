package org.onedoor.directory.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * An office with its address, phone and hours.
 *
 * @param phone the phone number as entered; {@code phoneE164} is its E.164 form with any extension
 * @param timeZone an IANA zone name
 */
public record OfficeDetails(long id, long partnerId, String partnerName, String name, String addressLine1,
                            String addressLine2, String city, String state, String zip, String countyFips,
                            String countyName, String phone, String phoneE164, String email, String timeZone,
                            String hours, boolean demo) {

    /** Returns the zone's abbreviation in effect now, such as EDT or EST, for showing next to the hours. */
    public String timeZoneAbbreviationNow() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(timeZone));
        return now.format(DateTimeFormatter.ofPattern("zzz", Locale.US));
    }

    /** Returns the zone's generic English name, such as "Eastern Time". */
    public String timeZoneName() {
        return ZoneId.of(timeZone).getDisplayName(TextStyle.FULL_STANDALONE, Locale.US);
    }
}
