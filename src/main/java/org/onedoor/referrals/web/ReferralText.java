package org.onedoor.referrals.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.onedoor.eligibility.FactCatalog;
import org.onedoor.referrals.ReferralStatus;

/**
 * Words for referral pages: statuses, needs, contact methods, and instants in an office's time zone with the zone
 * abbreviation, such as Dec 5, 2026, 9:30 AM EST. Templates reach it as {@code text}.
 */
public final class ReferralText {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a zzz", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final Map<String, String> METHODS = Map.of("EMAIL", "email", "PHONE", "phone call", "TEXT",
            "text message", "MAIL", "mail", "IN_PERSON", "in person");

    /** Returns the instant in the zone, or an empty string for {@code null}. */
    public String at(Instant instant, String zone) {
        return instant == null ? "" : INSTANT.format(instant.atZone(ZoneId.of(zone == null ? "UTC" : zone)));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Returns the status in words, such as "In progress". */
    public String status(ReferralStatus status) {
        if (status == null) {
            return "";
        }
        String words = status.fhirCode().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String need(String code) {
        return FactCatalog.need(code).map(FactCatalog.Need::label).orElse(code);
    }

    public String method(String code) {
        return code == null ? "" : METHODS.getOrDefault(code, code);
    }
}
