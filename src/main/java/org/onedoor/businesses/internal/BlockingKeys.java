package org.onedoor.businesses.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onedoor.businesses.internal.BusinessCandidates.Candidate;
import org.onedoor.businesses.internal.BusinessCandidates.KnownEstablishment;

/**
 * The exact blocking keys that lead from a record to its candidates, written as {@code kind:value}: the FEIN, the
 * name key of each name, each phone in E.164 form, each street address key and its place key (house number and
 * street name, {@link AddressKey#placeKey}), and the website key. They are the keys
 * of {@link CandidateSearch}'s exact lookups.
 */
final class BlockingKeys {

    static final List<String> KINDS = List.of("fein", "name", "phone", "street", "place", "website");

    private BlockingKeys() {
    }

    static String key(String kind, String value) {
        return kind + ":" + value;
    }

    /** Returns the keys a record is looked up by. */
    static Set<String> of(MatchProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        addIfPresent(keys, "fein", profile.fein());
        profile.names().forEach(name -> addIfPresent(keys, "name", name.key().matchKey()));
        profile.phones().forEach(phone -> addIfPresent(keys, "phone", phone));
        profile.places().forEach(place -> {
            addIfPresent(keys, "street", place.key().street());
            addIfPresent(keys, "place", place.key().placeKey());
        });
        addIfPresent(keys, "website", profile.websiteKey());
        return keys;
    }

    /** Returns the keys a stored business is found by, as the columns the lookups read hold them. */
    static Set<String> of(Candidate candidate) {
        Set<String> keys = new LinkedHashSet<>();
        addIfPresent(keys, "fein", candidate.fein());
        candidate.allNameKeys().forEach(nameKey -> addIfPresent(keys, "name", nameKey));
        for (KnownEstablishment establishment : candidate.establishments()) {
            addIfPresent(keys, "phone", establishment.phoneE164());
            addIfPresent(keys, "street", establishment.addressKey().street());
            addIfPresent(keys, "place", establishment.addressKey().placeKey());
        }
        addIfPresent(keys, "website", MatchKeys.websiteKey(candidate.website()));
        return keys;
    }

    private static void addIfPresent(Set<String> keys, String kind, String value) {
        if (value != null && !value.isEmpty()) {
            keys.add(key(kind, value));
        }
    }
}
