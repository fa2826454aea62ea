package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onedoor.businesses.IncomingBusiness;

/**
 * Runs records through the automatic joining decision of {@link MatchingBusinessRegistry#register} in memory, one
 * after the other as an import does, for benchmarks that score the resulting businesses. Like the registry, it
 * finds candidates by the exact blocking keys of {@link BlockingKeys} (FEIN, name keys of legal and trade names,
 * phones, street address and place keys, website key), ranks them by {@link MatchScorer}, joins the best candidate that
 * {@link MatchScorer#isPlainlySame} accepts, and then adds the record's legal name as a trade name, its street
 * address as a new establishment (or its phone to the establishment at the same place that has none), and the
 * FEIN and website where the business has none. A joined business therefore matches later records by any of
 * the names, phones and addresses it has collected.
 */
// NOTE: the name word weights are fixed for the whole run, while the registry reads counts that grow as businesses
// are written. Contacts, emails and NAICS codes are not kept, because the registry's candidates do not carry them.
public final class ImportSimulation {

    private final MatchScorer scorer;
    private final double threshold;
    private final List<Business> businesses = new ArrayList<>();
    private final Map<String, Set<Integer>> byKey = new HashMap<>();
    private int nextEstablishment;

    /**
     * @param weights the name word weights for every comparison
     * @param threshold the score that automatic joining needs, as {@code MatchingBusinessRegistry.AUTO_MATCH_SCORE}
     */
    public ImportSimulation(MatchNameWeights weights, double threshold) {
        this.scorer = new MatchScorer(weights);
        this.threshold = threshold;
    }

    /**
     * Where a record went: the business it joined or created and the establishment within it, each an index counted
     * from 0. A record without address and phone has no establishment, and gets an establishment index of its own.
     */
    public record Placement(int business, int establishment) {
    }

    /** Registers one record and returns the business and establishment it joined or created. */
    public Placement register(IncomingBusiness record) {
        MatchProfile profile = MatchProfile.of(record);
        if (MatchKeys.isPlaceholderName(record.legalName())) {
            return create(record, profile);
        }
        Optional<Integer> match = candidates(profile).stream()
                .filter(index -> !MatchKeys.isPlaceholderName(businesses.get(index).legalName))
                .map(index -> Map.entry(index, scorer.score(profile, businesses.get(index).profile())))
                .filter(entry -> entry.getValue().score() > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, MatchResult> entry) -> -entry.getValue().score())
                        .thenComparingInt(Map.Entry::getKey))
                .filter(entry -> MatchScorer.isPlainlySame(entry.getValue(), threshold))
                .map(Map.Entry::getKey)
                .findFirst();
        if (match.isEmpty()) {
            return create(record, profile);
        }
        return new Placement(match.get(), join(match.get(), record, profile));
    }

    /** Returns the number of businesses registered so far. */
    public int businessCount() {
        return businesses.size();
    }

    private Set<Integer> candidates(MatchProfile profile) {
        Set<Integer> found = new TreeSet<>();
        for (String key : BlockingKeys.of(profile)) {
            found.addAll(byKey.getOrDefault(key, Set.of()));
        }
        return found;
    }

    private Placement create(IncomingBusiness record, MatchProfile profile) {
        Business business = new Business(record.legalName().strip());
        business.fein = record.fein();
        business.websiteKey = profile.websiteKey();
        business.tradeNames.addAll(record.tradeNames());
        Establishment establishment = establishmentOf(profile);
        if (hasEstablishment(profile)) {
            business.establishments.add(establishment);
        }
        businesses.add(business);
        int index = businesses.size() - 1;
        index(index, profile);
        return new Placement(index, establishment.id());
    }

    /** Adds the record's values to the business and returns the index of its establishment. */
    private int join(int index, IncomingBusiness record, MatchProfile profile) {
        Business business = businesses.get(index);
        Set<String> knownKeys = new LinkedHashSet<>();
        business.profile().names().forEach(name -> knownKeys.add(name.key().matchKey()));
        List<String> names = new ArrayList<>(List.of(record.legalName().strip()));
        names.addAll(record.tradeNames());
        for (String name : names) {
            if (knownKeys.add(NameKey.of(name).matchKey())) {
                business.tradeNames.add(name);
            }
        }
        if (business.fein == null) {
            business.fein = record.fein();
        }
        if (business.websiteKey == null) {
            business.websiteKey = profile.websiteKey();
        }
        int establishment = joinEstablishment(business, profile);
        index(index, business.profile());
        return establishment;
    }

    /** Mirrors {@code MatchingBusinessRegistry.establishmentFor}: same place, else same phone, else a new one. */
    private int joinEstablishment(Business business, MatchProfile profile) {
        AddressKey address = profile.places().isEmpty() ? null : profile.places().get(0).key();
        String phone = profile.phones().isEmpty() ? null : profile.phones().iterator().next();
        Establishment known = null;
        if (address != null && address.street() != null) {
            known = business.establishments.stream()
                    .filter(establishment -> establishment.place() != null
                            && establishment.place().key().isSamePlaceAs(address))
                    .findFirst()
                    .or(() -> business.establishments.stream()
                            .filter(establishment -> establishment.place() != null
                                    && establishment.place().key().isSamePlaceOfOneBusinessAs(address))
                            .findFirst())
                    .orElse(null);
            if (known == null) {
                return add(business, establishmentOf(profile));
            }
        }
        if (known == null && phone != null) {
            known = business.establishments.stream()
                    .filter(establishment -> phone.equals(establishment.phone()))
                    .findFirst()
                    .orElse(null);
        }
        if (known == null) {
            Establishment added = establishmentOf(profile);
            return hasEstablishment(profile) ? add(business, added) : added.id();
        }
        if (known.phone() == null && phone != null) {
            business.establishments.set(business.establishments.indexOf(known),
                    new Establishment(known.id(), known.place(), phone));
        }
        return known.id();
    }

    private static int add(Business business, Establishment establishment) {
        business.establishments.add(establishment);
        return establishment.id();
    }

    private static boolean hasEstablishment(MatchProfile profile) {
        return !profile.places().isEmpty() || !profile.phones().isEmpty();
    }

    private Establishment establishmentOf(MatchProfile profile) {
        return new Establishment(nextEstablishment++, profile.places().isEmpty() ? null : profile.places().get(0),
                profile.phones().isEmpty() ? null : profile.phones().iterator().next());
    }

    private void index(int index, MatchProfile profile) {
        for (String key : BlockingKeys.of(profile)) {
            byKey.computeIfAbsent(key, unused -> new TreeSet<>()).add(index);
        }
    }

    private record Establishment(int id, MatchProfile.Place place, String phone) {
    }

    /** A business as the registry stores it: legal name, trade names, FEIN, website key and establishments. */
    private static final class Business {

        private final String legalName;
        private final List<String> tradeNames = new ArrayList<>();
        private final List<Establishment> establishments = new ArrayList<>();
        private String fein;
        private String websiteKey;

        Business(String legalName) {
            this.legalName = legalName;
        }

        /** Returns the values that {@link MatchScorer} compares, as {@code BusinessCandidates.Candidate} builds them. */
        MatchProfile profile() {
            List<MatchProfile.Place> places = new ArrayList<>();
            Set<String> phones = new LinkedHashSet<>();
            for (Establishment establishment : establishments) {
                if (establishment.place() != null) {
                    places.add(establishment.place());
                }
                if (establishment.phone() != null) {
                    phones.add(establishment.phone());
                }
            }
            return new MatchProfile(MatchProfile.names(legalName, tradeNames), fein, null, websiteKey, phones, places,
                    Set.of(), Set.of());
        }
    }
}
