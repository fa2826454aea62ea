package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onedoor.businesses.IncomingBusiness;

/**
 * The values of one business that matching compares, already normalized.
 *
 * @param names the legal name first, then the parts of it around "doing business as" markers (the first part
 *              counts as legal name, the later ones as trade names), then trade names
 * @param fein as {@code 12-3456789}, or {@code null}
 * @param websiteKey see {@link MatchKeys#websiteKey}, or {@code null}
 * @param phones phones in E.164 form
 * @param emails email addresses in lower case
 * @param contactNames names of contact people as entered
 */
public record MatchProfile(List<Name> names, String fein, String naicsCode, String websiteKey, Set<String> phones,
                    List<Place> places, Set<String> emails, Set<String> contactNames) {

    /** One name of the business; {@code legal} is true for the legal name and the parts split off it. */
    public record Name(String text, boolean legal, NameKey key) {

        static Name of(String text, boolean legal) {
            return new Name(text.strip(), legal, NameKey.of(text));
        }
    }

    /** One establishment address with its key and the text shown in reasons. */
    public record Place(AddressKey key, String text) {
    }

    public MatchProfile {
        names = List.copyOf(names);
        phones = Set.copyOf(phones);
        places = List.copyOf(places);
        emails = Set.copyOf(emails);
        contactNames = Set.copyOf(contactNames);
    }

    public static MatchProfile of(IncomingBusiness business) {
        List<Place> places = new ArrayList<>();
        AddressKey key = AddressKey.of(business.address());
        if (key.street() != null || key.zip5() != null) {
            places.add(new Place(key, EstablishmentText.oneLine(business.address())));
        }
        Set<String> phones = business.phoneE164() == null ? Set.of() : Set.of(business.phoneE164());
        return new MatchProfile(names(business.legalName(), business.tradeNames()), business.fein(),
                business.naicsCode(), MatchKeys.websiteKey(business.website()), phones, places, Set.of(), Set.of());
    }

    /** Returns a copy with the given email addresses and contact names. */
    public MatchProfile withContacts(Set<String> emails, Set<String> contactNames) {
        return new MatchProfile(names, fein, naicsCode, websiteKey, phones, places, emails, contactNames);
    }

    /** Collects the legal name, the names split off it at "doing business as" markers, and the trade names. */
    static List<Name> names(String legalName, List<String> tradeNames) {
        List<Name> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (legalName != null && !NameKey.of(legalName).isEmpty()) {
            names.add(Name.of(legalName, true));
            seen.add(NameKey.of(legalName).matchKey());
            List<String> parts = MatchKeys.nameParts(legalName);
            for (int i = 0; i < parts.size(); i++) {
                if (seen.add(NameKey.of(parts.get(i)).matchKey())) {
                    names.add(Name.of(parts.get(i), i == 0));
                }
            }
        }
        for (String tradeName : tradeNames) {
            for (String part : MatchKeys.nameParts(tradeName)) {
                if (seen.add(NameKey.of(part).matchKey())) {
                    names.add(Name.of(part, false));
                }
            }
        }
        return names;
    }
}
