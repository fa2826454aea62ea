package org.onedoor.businesses.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.businesses.internal.BusinessCandidates.Candidate;
import org.onedoor.businesses.internal.BusinessCandidates.KnownEstablishment;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a list of valid records in order, with a few statements for the whole list. It reads the candidates of
 * all records at once, decides each record in Java against the candidates as earlier records of the list left them,
 * and collects the rows to write in {@link PendingWrites}. So a record can join a business that an earlier record
 * created or changed, exactly as when each record is registered on its own. The caller holds the records' advisory
 * locks.
 */
final class RegistrationBatch {

    /** A valid record with the keys computed once. */
    record Item(IncomingBusiness business, SourceReference source, NameKey legalKey, AddressKey addressKey,
                MatchProfile profile, boolean placeholder) {

        static Item of(IncomingBusiness business, SourceReference source) {
            return new Item(business, source, NameKey.of(business.legalName()), AddressKey.of(business.address()),
                    MatchProfile.of(business), MatchKeys.isPlaceholderName(business.legalName()));
        }
    }

    private record Match(Candidate candidate, KnownEstablishment establishment, String reason) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BusinessCandidates candidates;
    private final MatchNameWords nameWords;
    private final PendingWrites writes = new PendingWrites();

    // The businesses records may join, as earlier records of the batch left them: those read from the database
    // (not merged) and those created in the batch.
    private final Map<Long, Candidate> known = new HashMap<>();
    // Blocking keys found in the database before the batch, and keys that businesses got in the batch.
    private Map<String, Set<Long>> storedKeys = Map.of();
    private final Map<String, Set<Long>> batchKeys = new HashMap<>();
    // Name word counts as stored before the batch (read when first needed) and the words counted in the batch.
    private final Map<String, Integer> storedWordCounts = new HashMap<>();
    private final Map<String, Integer> batchWordCounts = new HashMap<>();
    private final Map<String, Set<String>> wordsByName = new HashMap<>();
    private long businessCount;
    private List<Item> items = List.of();
    private final ArrayDeque<Long> businessIds = new ArrayDeque<>();
    private final ArrayDeque<Long> establishmentIds = new ArrayDeque<>();
    private final ArrayDeque<Long> sourceRecordIds = new ArrayDeque<>();

    RegistrationBatch(JdbcClient jdbc, JsonMapper json, BusinessCandidates candidates, MatchNameWords nameWords) {
        this.jdbc = jdbc;
        this.json = json;
        this.candidates = candidates;
        this.nameWords = nameWords;
    }

    /**
     * Registers the records in order and writes them.
     *
     * @param confirmedNew whether every record is a new business that a person confirmed, so none is matched
     * @return the registration of each record, at the same position
     */
    List<Registration> register(List<Item> items, boolean confirmedNew) {
        if (items.isEmpty()) {
            return List.of();
        }
        this.items = items;
        if (!confirmedNew) {
            readCandidates(items);
        }
        allocateIds(items.size());

        List<Registration> registrations = new ArrayList<>();
        for (Item item : items) {
            // A placeholder such as "Case Name" is no evidence of the business, so the record is never joined.
            Optional<Match> match = confirmedNew || item.placeholder() ? Optional.empty() : choose(item);
            if (match.isEmpty()) {
                registrations.add(new Registration(create(item), true, null));
            } else {
                addTo(match.get(), item);
                registrations.add(new Registration(match.get().candidate().businessId(), false, match.get().reason()));
            }
        }
        writes.flush(jdbc);
        return registrations;
    }

    /** Reads, in two statements, the businesses that any record's blocking keys lead to, locking their rows. */
    private void readCandidates(List<Item> items) {
        Set<String> keys = new LinkedHashSet<>();
        items.stream().filter(item -> !item.placeholder()).forEach(item -> keys.addAll(BlockingKeys.of(item.profile())));
        if (keys.isEmpty()) {
            return;
        }
        storedKeys = candidates.idsByKey(keys);
        Set<Long> ids = new TreeSet<>();
        storedKeys.values().forEach(ids::addAll);
        for (Candidate candidate : candidates.load(ids, true)) {
            known.put(candidate.businessId(), candidate);
        }
        businessCount = nameWords.businessCount();
    }

    // One id of each kind per record, which a record needs at most. Ids that matched records leave unused are
    // gaps in the sequences, as rolled-back inserts leave.
    private void allocateIds(int count) {
        jdbc.sql("""
                        SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('business', 'id'))
                                     FROM generate_series(1, :count)),
                               ARRAY(SELECT nextval(pg_get_serial_sequence('establishment', 'id'))
                                     FROM generate_series(1, :count)),
                               ARRAY(SELECT nextval(pg_get_serial_sequence('business_source_record', 'id'))
                                     FROM generate_series(1, :count))
                        """)
                .param("count", count)
                .query((rs, row) -> {
                    addSorted(businessIds, (Long[]) rs.getArray(1).getArray());
                    addSorted(establishmentIds, (Long[]) rs.getArray(2).getArray());
                    addSorted(sourceRecordIds, (Long[]) rs.getArray(3).getArray());
                    return row;
                })
                .single();
    }

    // Sorts the ids, so a business created later in the batch gets a larger id, as when records are registered one
    // at a time.
    private static void addSorted(ArrayDeque<Long> queue, Long[] ids) {
        java.util.Arrays.sort(ids);
        queue.addAll(List.of(ids));
    }

    /**
     * Picks the best candidate that is plainly the same business ({@link MatchScorer#isPlainlySame}), with its
     * establishment at the same place.
     */
    private Optional<Match> choose(Item item) {
        Set<Long> ids = new HashSet<>();
        for (String key : BlockingKeys.of(item.profile())) {
            ids.addAll(storedKeys.getOrDefault(key, Set.of()));
            ids.addAll(batchKeys.getOrDefault(key, Set.of()));
        }
        List<Candidate> found = ids.stream()
                .map(known::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(Candidate::businessId))
                .toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = CandidateSearch.namesOf(item.profile(), found);
        CandidateSearch.Scored best = CandidateSearch.score(item.profile(), found, weightsFor(names)).stream()
                .filter(scored -> !MatchKeys.isPlaceholderName(scored.candidate().legalName()))
                .filter(scored -> MatchScorer.isPlainlySame(scored.result(), MatchingBusinessRegistry.AUTO_MATCH_SCORE))
                .findFirst()
                .orElse(null);
        if (best == null) {
            return Optional.empty();
        }
        KnownEstablishment place = samePlace(best.candidate().establishments(), item.addressKey());
        return Optional.of(new Match(best.candidate(), place, MatchingBusinessRegistry.reason(best.result())));
    }

    /**
     * Returns the establishment of a business at the same place as the address, preferring one in the same
     * locality, then one at the same street with another suffix ({@link AddressKey#isSamePlaceOfOneBusinessAs}), or
     * {@code null}.
     */
    private static KnownEstablishment samePlace(List<KnownEstablishment> establishments, AddressKey addressKey) {
        if (addressKey.street() == null) {
            return null;
        }
        KnownEstablishment place = null;
        for (KnownEstablishment establishment : establishments) {
            if (!establishment.addressKey().isSamePlaceAs(addressKey)) {
                continue;
            }
            if (place == null || establishment.addressKey().isSameLocalityAs(addressKey)) {
                place = establishment;
            }
            if (establishment.addressKey().isSameLocalityAs(addressKey)) {
                break;
            }
        }
        if (place != null) {
            return place;
        }
        return establishments.stream()
                .filter(establishment -> establishment.addressKey().isSamePlaceOfOneBusinessAs(addressKey))
                .findFirst()
                .orElse(null);
    }

    /** Returns the weights of the names' words: the counts stored before the batch plus those the batch added. */
    private MatchNameWeights weightsFor(List<String> names) {
        Set<String> words = new TreeSet<>();
        names.forEach(name -> words.addAll(wordsOf(name)));
        List<String> unread = words.stream().filter(word -> !storedWordCounts.containsKey(word)).toList();
        if (!unread.isEmpty()) {
            // Reads the words of every record and known candidate at once, so later records rarely need a read.
            Set<String> toRead = new TreeSet<>(unread);
            for (Item item : items) {
                item.profile().names().forEach(name -> toRead.addAll(wordsOf(name.text())));
                toRead.addAll(wordsOf(item.business().legalName()));
                item.business().tradeNames().forEach(name -> toRead.addAll(wordsOf(name)));
            }
            for (Candidate candidate : known.values()) {
                toRead.addAll(wordsOf(candidate.legalName()));
                candidate.tradeNames().forEach(name -> toRead.addAll(wordsOf(name)));
            }
            toRead.removeAll(storedWordCounts.keySet());
            Map<String, Integer> read = nameWords.countsOf(toRead);
            toRead.forEach(word -> storedWordCounts.put(word, read.getOrDefault(word, 0)));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            int count = storedWordCounts.get(word) + batchWordCounts.getOrDefault(word, 0);
            if (count > 0) {
                counts.put(word, count);
            }
        }
        return new MatchNameWeights(counts, businessCount);
    }

    // Each candidate's names are split into words again for every record that meets it, so the words are kept.
    private Set<String> wordsOf(String name) {
        return wordsByName.computeIfAbsent(name, MatchNameWords::wordsOf);
    }

    private long create(Item item) {
        IncomingBusiness business = item.business();
        long businessId = businessIds.pop();
        String legalName = business.legalName().strip();
        writes.add(new PendingWrites.NewBusiness(businessId, legalName, item.legalKey().matchKey(), business.fein(),
                business.naicsCode(), business.website(), MatchKeys.websiteKey(business.website())));
        List<KnownEstablishment> establishments = new ArrayList<>();
        HistoryEntries history = new HistoryEntries();
        Long establishmentId = hasEstablishment(business)
                ? insertEstablishment(businessId, business, item.addressKey(), establishments, null)
                : null;

        List<String> newNames = new ArrayList<>(List.of(business.legalName()));
        history.set("legal_name", null, legalName);
        setIfPresent(history, "fein", business.fein());
        setIfPresent(history, "naics_code", business.naicsCode());
        setIfPresent(history, "website", business.website());

        Set<String> knownKeys = new LinkedHashSet<>(List.of(item.legalKey().matchKey()));
        List<String> tradeNames = new ArrayList<>();
        List<String> tradeNameKeys = new ArrayList<>();
        for (String tradeName : business.tradeNames()) {
            addTradeName(businessId, tradeName, knownKeys, history, newNames, tradeNames, tradeNameKeys);
        }
        if (establishmentId != null) {
            noteEstablishment(establishmentId, business, history);
        }
        history.added("source_record", establishmentId, describe(item.source()));
        addSourceRecord(businessId, establishmentId, item, null, history, newNames);

        remember(new Candidate(businessId, legalName, item.legalKey().matchKey(), tradeNames, tradeNameKeys,
                business.fein(), business.naicsCode(), business.website(), establishments));
        return businessId;
    }

    private void addTo(Match match, Item item) {
        IncomingBusiness business = item.business();
        Candidate candidate = match.candidate();
        long businessId = candidate.businessId();
        HistoryEntries history = new HistoryEntries();

        Set<String> knownKeys = new LinkedHashSet<>(candidate.allNameKeys());
        List<String> newNames = new ArrayList<>();
        List<String> tradeNames = new ArrayList<>(candidate.tradeNames());
        List<String> tradeNameKeys = new ArrayList<>(candidate.tradeNameKeys());
        if (!knownKeys.contains(item.legalKey().matchKey())) {
            history.conflict("legal_name", null, candidate.legalName(), business.legalName().strip());
            addTradeName(businessId, business.legalName(), knownKeys, history, newNames, tradeNames, tradeNameKeys);
        }
        for (String tradeName : business.tradeNames()) {
            addTradeName(businessId, tradeName, knownKeys, history, newNames, tradeNames, tradeNameKeys);
        }

        String fein = fill("fein", candidate.fein(), business.fein(), null, history);
        String naics = fill("naics_code", candidate.naicsCode(), business.naicsCode(), null, history);
        String website = fill("website", candidate.website(), business.website(), null, history);
        // Also marks the business as updated.
        writes.add(new PendingWrites.BusinessFill(businessId, fein, naics, website, MatchKeys.websiteKey(website)));

        List<KnownEstablishment> establishments = new ArrayList<>(candidate.establishments());
        Long establishmentId = establishmentFor(match, item, establishments, history);
        history.added("source_record", establishmentId, describe(item.source()));
        addSourceRecord(businessId, establishmentId, item, match.reason(), history, newNames);

        remember(new Candidate(businessId, candidate.legalName(), candidate.legalNameKey(), tradeNames, tradeNameKeys,
                firstPresent(candidate.fein(), fein), firstPresent(candidate.naicsCode(), naics),
                firstPresent(candidate.website(), website), establishments));
    }

    /** Keeps the business as the batch left it and indexes its keys for the later records. */
    private void remember(Candidate candidate) {
        Candidate copy = new Candidate(candidate.businessId(), candidate.legalName(), candidate.legalNameKey(),
                List.copyOf(candidate.tradeNames()), List.copyOf(candidate.tradeNameKeys()), candidate.fein(),
                candidate.naicsCode(), candidate.website(), List.copyOf(candidate.establishments()));
        known.put(copy.businessId(), copy);
        for (String key : BlockingKeys.of(copy)) {
            batchKeys.computeIfAbsent(key, unused -> new HashSet<>()).add(copy.businessId());
        }
    }

    /**
     * Returns the incoming value when the kept one is empty, so the caller writes it; notes a conflict when both
     * are present and differ; otherwise returns {@code null}.
     */
    private static String fill(String field, String kept, String incoming, Long establishmentId,
                               HistoryEntries history) {
        if (incoming == null || incoming.isBlank()) {
            return null;
        }
        if (kept == null) {
            history.set(field, establishmentId, incoming);
            return incoming;
        }
        if (!kept.equals(incoming)) {
            history.conflict(field, establishmentId, kept, incoming);
        }
        return null;
    }

    /**
     * Finds or adds the establishment the record describes: the one at the same address, else the one with the same
     * phone when the record has no usable street, filling its empty phone, postal code and county. A record with a
     * street that no establishment has, or with an address or phone but no establishment found, adds one.
     *
     * @param establishments the business's establishments, changed in place
     */
    private Long establishmentFor(Match match, Item item, List<KnownEstablishment> establishments,
                                  HistoryEntries history) {
        IncomingBusiness business = item.business();
        AddressKey addressKey = item.addressKey();
        long businessId = match.candidate().businessId();
        KnownEstablishment known = match.establishment();
        if (addressKey.street() != null
                && (known == null || !known.addressKey().isSamePlaceOfOneBusinessAs(addressKey))) {
            known = samePlace(establishments, addressKey);
            if (known == null) {
                return insertEstablishment(businessId, business, addressKey, establishments, history);
            }
        }
        if (known == null && business.phoneE164() != null) {
            known = establishments.stream()
                    .filter(establishment -> business.phoneE164().equals(establishment.phoneE164()))
                    .findFirst()
                    .orElse(null);
        }
        if (known == null) {
            return hasEstablishment(business)
                    ? insertEstablishment(businessId, business, addressKey, establishments, history)
                    : null;
        }

        KnownEstablishment filled = fillEstablishment(known, business, addressKey, history);
        establishments.replaceAll(establishment -> establishment.id() == filled.id() ? filled : establishment);
        return known.id();
    }

    /** Fills the establishment's empty phone, postal code, ZIP key and county; returns it as it is afterwards. */
    private KnownEstablishment fillEstablishment(KnownEstablishment known, IncomingBusiness business,
                                                 AddressKey addressKey, HistoryEntries history) {
        IncomingAddress address = business.address();
        String phone = null;
        String phoneE164 = null;
        String extension = null;
        if (business.phone() != null && !business.phone().isBlank()) {
            if (known.phone() == null) {
                history.set("establishment.phone", known.id(), business.phone());
                phone = business.phone();
                phoneE164 = business.phoneE164();
                extension = business.phoneExtension();
            } else if (!Objects.equals(known.phoneE164(), business.phoneE164())) {
                history.conflict("establishment.phone", known.id(), known.phone(), business.phone());
            }
        }
        // A postal code fills the establishment only under the same country's rules: a 4-digit Canadian or Mexican
        // code must not become a US establishment's ZIP code, so it is kept as a conflict in the history instead.
        String incomingCountry = address == null || address.countryCode() == null ? "US" : address.countryCode();
        String postalCode = null;
        if (address != null && incomingCountry.equalsIgnoreCase(known.countryCode())) {
            postalCode = fill("establishment.postal_code", known.postalCode(), address.postalCode(), known.id(), history);
        } else if (address != null && address.postalCode() != null && !address.postalCode().equals(known.postalCode())) {
            history.conflict("establishment.postal_code", known.id(), known.postalCode(), address.postalCode());
        }
        String countyFips = address == null ? null
                : fill("establishment.county_fips", known.countyFips(), address.countyFips(), known.id(), history);
        String zip5 = known.addressKey().zip5() == null ? addressKey.zip5() : null;
        if (phone == null && postalCode == null && countyFips == null && zip5 == null) {
            return known;
        }
        writes.add(new PendingWrites.EstablishmentFill(known.id(), phone, phoneE164, extension, postalCode, zip5,
                countyFips));
        // The same values as the fill's UPDATE leaves: the E.164 phone and extension follow the phone column.
        boolean phoneWasEmpty = known.phone() == null;
        AddressKey key = known.addressKey();
        return new KnownEstablishment(known.id(),
                new AddressKey(key.street(), key.unit(), firstPresent(key.zip5(), zip5), key.city()),
                firstPresent(known.phone(), phone), phoneWasEmpty ? phoneE164 : known.phoneE164(),
                firstPresent(known.postalCode(), postalCode), known.countryCode(),
                firstPresent(known.countyFips(), countyFips), known.line1(), known.line2(), known.city(),
                known.state());
    }

    /** Adds a trade name unless the business has its key already, and notes it in {@code newNames} for counting. */
    private void addTradeName(long businessId, String tradeName, Set<String> knownKeys, HistoryEntries history,
                              List<String> newNames, List<String> tradeNames, List<String> tradeNameKeys) {
        NameKey key = NameKey.of(tradeName);
        if (key.isEmpty() || !knownKeys.add(key.matchKey())) {
            return;
        }
        writes.add(new PendingWrites.NewTradeName(businessId, tradeName.strip(), key.matchKey()));
        tradeNames.add(tradeName.strip());
        tradeNameKeys.add(key.matchKey());
        newNames.add(tradeName);
        history.added("trade_name", null, tradeName.strip());
    }

    /**
     * Adds an establishment for the record to the writes and to {@code establishments}, noting it in the history
     * unless {@code history} is {@code null} (a new business notes it after its own fields).
     */
    private long insertEstablishment(long businessId, IncomingBusiness business, AddressKey addressKey,
                                     List<KnownEstablishment> establishments, HistoryEntries history) {
        long id = establishmentIds.pop();
        IncomingAddress address = business.address() == null
                ? new IncomingAddress(null, null, null, null, null, null, null)
                : business.address();
        String countryCode = address.countryCode() == null ? "US" : address.countryCode();
        writes.add(new PendingWrites.NewEstablishment(id, businessId, address.line1(), address.line2(),
                address.city(), address.state(), address.postalCode(), countryCode, address.countyFips(),
                business.phone(), business.phoneE164(), business.phoneExtension(), addressKey.street(),
                addressKey.unit(), addressKey.zip5(), addressKey.city()));
        establishments.add(new KnownEstablishment(id, addressKey, business.phone(), business.phoneE164(),
                address.postalCode(), countryCode, address.countyFips(), address.line1(), address.line2(),
                address.city(), address.state()));
        if (history != null) {
            noteEstablishment(id, business, history);
        }
        return id;
    }

    private static void noteEstablishment(long id, IncomingBusiness business, HistoryEntries history) {
        history.added("establishment", id, EstablishmentText.oneLine(business.address()));
        if (business.phone() != null && !business.phone().isBlank()) {
            history.set("establishment.phone", id, business.phone());
        }
    }

    /** Adds the source record, the registration's history rows (which name it) and the word counts of new names. */
    private void addSourceRecord(long businessId, Long establishmentId, Item item, String matchReason,
                                 HistoryEntries history, List<String> newNames) {
        SourceReference source = item.source();
        long id = sourceRecordIds.pop();
        writes.add(new PendingWrites.SourceRecord(id, businessId, establishmentId, source.kind(), source.sourceName(),
                source.importId(), source.lineNumber(),
                json.writeValueAsString(source.rawValues() == null ? Map.of() : source.rawValues()),
                json.writeValueAsString(item.business()), matchReason, source.userId(), source.partnerId()));
        history.addTo(writes, businessId, source, id);

        String[] words = MatchNameWords.wordsToCount(newNames);
        writes.countWords(words);
        for (String word : words) {
            batchWordCounts.merge(word, 1, Integer::sum);
        }
    }

    static boolean hasEstablishment(IncomingBusiness business) {
        IncomingAddress address = business.address();
        boolean hasAddress = address != null && (notBlank(address.line1()) || notBlank(address.city())
                || notBlank(address.postalCode()));
        return hasAddress || notBlank(business.phone());
    }

    private static void setIfPresent(HistoryEntries history, String field, String value) {
        if (notBlank(value)) {
            history.set(field, null, value);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstPresent(String kept, String filled) {
        return kept != null ? kept : filled;
    }

    private static String describe(SourceReference source) {
        return source.lineNumber() > 0 ? source.sourceName() + " line " + source.lineNumber() : source.sourceName();
    }
}
