package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalized values that matching compares besides names and addresses: website keys, NAICS sectors, names split
 * at "doing business as" markers, and the guards for role mailboxes and generic contact names.
 */
public final class MatchKeys {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    // "-DBA:", "D/B/A", "DBA", "A/K/A" and "T/A" between two names, as licence lists write them. A plain "aka"
    // is left alone because it begins real names ("Aka Sushi").
    private static final Pattern TRADE_NAME_MARKER = Pattern.compile(
            "(?i)\\s*[-,;(]*\\s*\\b(?:d\\s*/?\\s*b\\s*/?\\s*a|a\\s*/\\s*k\\s*/\\s*a|t\\s*/\\s*a)\\b\\s*[:.)-]*\\s*");

    // Local parts of mailboxes that a whole office shares, so two businesses can have the same one.
    private static final Set<String> ROLE_MAILBOXES = Set.of(
            "info", "hr", "jobs", "office", "admin", "contact", "careers", "hiring", "sales", "support", "hello",
            "mail", "frontdesk", "reception", "recruiting", "recruitment", "employment", "help", "service",
            "billing", "accounts", "webmaster", "noreply", "no-reply", "team", "general", "inquiries", "enquiries");

    // Contact names that name a function rather than a person.
    private static final Set<String> GENERIC_CONTACT_WORDS = Set.of(
            "hr", "human", "resources", "department", "dept", "office", "manager", "owner", "staff", "team",
            "hiring", "recruiter", "recruiting", "front", "desk", "reception", "general", "admin", "administrator",
            "personnel", "payroll", "accounting", "sales", "info", "contact", "unknown", "none", "na");

    // Placeholder text used in real licence lists in place of a business's name, such as a repeated header row
    // ("Case Name" at "Location") or a test record ("TEST"), folded and without spaces, so "N/A" and "T.B.D." match.
    private static final Set<String> PLACEHOLDER_NAMES = Set.of(
            "casename", "businessname", "companyname", "legalname", "name", "location", "address", "na", "none",
            "null", "nil", "notapplicable", "unknown", "test", "testing", "testbusiness", "testcompany", "tbd",
            "tobedetermined", "placeholder", "sample", "example", "xxx", "xxxx", "dummy", "various", "vacant",
            "blank");

    private MatchKeys() {
    }

    /**
     * Tells whether a business name is placeholder text such as "Case Name", "N/A", "Unknown" or "Test", or has no
     * letters or digits at all, so that it gives no evidence of which business a record is.
     */
    public static boolean isPlaceholderName(String name) {
        String compact = TextFolding.fold(name).replace(" ", "");
        return compact.isEmpty() || PLACEHOLDER_NAMES.contains(compact);
    }

    /**
     * Returns the website key: host without {@code www.}, then the path without a trailing slash, in lower case, so
     * {@code https://www.Example.com/Jobs/} and {@code example.com/jobs} share {@code example.com/jobs}. Query and
     * fragment are dropped. Returns {@code null} for a blank value.
     */
    public static String websiteKey(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String key = website.strip().toLowerCase(Locale.ROOT);
        key = SCHEME.matcher(key).replaceFirst("");
        int end = indexOfAny(key, '?', '#');
        if (end >= 0) {
            key = key.substring(0, end);
        }
        if (key.startsWith("www.")) {
            key = key.substring(4);
        }
        int slash = key.indexOf('/');
        String host = slash < 0 ? key : key.substring(0, slash);
        String path = slash < 0 ? "" : key.substring(slash);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String result = host + path;
        return result.isEmpty() ? null : result;
    }

    /**
     * Returns the NAICS sector of a code: its first two digits, with the sectors that NAICS 2022 spans over several
     * two-digit codes joined (31-33 Manufacturing, 44-45 Retail Trade, 48-49 Transportation and Warehousing).
     */
    public static String naicsSector(String naicsCode) {
        if (naicsCode == null || naicsCode.length() < 2) {
            return null;
        }
        String two = naicsCode.substring(0, 2);
        return switch (two) {
            case "31", "32", "33" -> "31-33";
            case "44", "45" -> "44-45";
            case "48", "49" -> "48-49";
            default -> two;
        };
    }

    /**
     * Splits a name at "doing business as" markers, so {@code J AND W RESTAURANT GROUP INC -DBA: CHINA MAX} gives
     * both {@code J AND W RESTAURANT GROUP INC} and {@code CHINA MAX}. A name without a marker is returned alone.
     */
    public static List<String> nameParts(String name) {
        List<String> parts = new ArrayList<>();
        if (name == null) {
            return parts;
        }
        for (String part : TRADE_NAME_MARKER.split(name)) {
            if (!NameKey.of(part).isEmpty()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /** Tells whether an email address is a shared role mailbox such as {@code info@} or {@code hr@}. */
    public static boolean isRoleMailbox(String email) {
        if (email == null) {
            return true;
        }
        int at = email.indexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return ROLE_MAILBOXES.contains(local) || ROLE_MAILBOXES.contains(local.replace(".", ""));
    }

    /** Tells whether a contact name names a function ("HR Department", "Front Desk") rather than a person. */
    public static boolean isGenericContact(String name) {
        String folded = TextFolding.fold(name);
        if (folded.isEmpty()) {
            return true;
        }
        for (String word : folded.split(" ")) {
            if (!GENERIC_CONTACT_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
