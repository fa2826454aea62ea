package org.onedoor.businesses.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.businesses.internal.BusinessCandidates.Candidate;
import org.onedoor.businesses.internal.BusinessCandidates.KnownEstablishment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers incoming records with the matching engine: {@link CandidateSearch} finds and scores the businesses the
 * record could belong to, and the record joins the best one only when it is plainly the same business: the score
 * reaches {@link #AUTO_MATCH_SCORE} and the FEIN or a name is the same (for example the same name at the same street
 * address or with the same phone). Two different FEINs are never the same business, and the same name at
 * two addresses stays two businesses. A match never overwrites a known value: it fills empty fields, adds new
 * trade names and establishments, and notes differing values as conflicts in the history.
 */
@Service
class MatchingBusinessRegistry implements BusinessRegistry {

    /**
     * Score from which a record joins an existing business without a person deciding. The same name (after
     * folding) together with the same street address or the same phone scores above it, and so does the same FEIN;
     * a name alone, or an address alone, does not.
     */
    static final double AUTO_MATCH_SCORE = 0.95;

    private static final Logger log = LoggerFactory.getLogger(MatchingBusinessRegistry.class);

    // First key of pg_advisory_xact_lock(int, int), so these locks do not collide with other modules' locks.
    private static final int NAME_LOCK_SPACE = 61_001;

    // Key of the transaction resource with the advisory locks held, see heldLocks().
    private static final Object HELD_LOCKS = new Object();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final IncomingValidation validation;
    private final CandidateSearch candidateSearch;
    private final MatchNameWords nameWords;

    MatchingBusinessRegistry(JdbcClient jdbc, JsonMapper json, IncomingValidation validation,
                             CandidateSearch candidateSearch, MatchNameWords nameWords) {
        this.jdbc = jdbc;
        this.json = json;
        this.validation = validation;
        this.candidateSearch = candidateSearch;
        this.nameWords = nameWords;
    }

    // An invalid record is rejected before anything is written, so it need not roll back the caller's transaction:
    // an import registers a batch of records in one.
    @Override
    @Transactional(noRollbackFor = InvalidInputException.class)
    public Registration register(IncomingBusiness business, SourceReference source) {
        validation.check(business, source);
        NameKey legalKey = NameKey.of(business.legalName());
        AddressKey addressKey = AddressKey.of(business.address());
        MatchProfile profile = MatchProfile.of(business);
        if (MatchKeys.isPlaceholderName(business.legalName())) {
            // A placeholder such as "Case Name" is no evidence of the business, so the record is never joined.
            long id = create(business, legalKey, addressKey, source);
            log.debug("Business {} created from placeholder name on {} line {}", id, source.sourceName(),
                    source.lineNumber());
            return new Registration(id, true, null);
        }

        lock(lockHashes(profile, business.fein()));
        List<CandidateSearch.Scored> ranked = candidateSearch.rank(profile, null, true, false).stream()
                .filter(scored -> !MatchKeys.isPlaceholderName(scored.candidate().legalName()))
                .toList();
        Optional<Match> match = choose(ranked, addressKey);

        if (match.isEmpty()) {
            long id = create(business, legalKey, addressKey, source);
            log.debug("Business {} created from {} line {}", id, source.sourceName(), source.lineNumber());
            return new Registration(id, true, null);
        }
        addTo(match.get(), business, legalKey, addressKey, source);
        return new Registration(match.get().candidate().businessId(), false, match.get().reason());
    }

    /**
     * Creates a new business from the record without matching, for a person who has seen the candidates and
     * confirmed that the record is a different business.
     */
    @Transactional
    public Registration registerAsNew(IncomingBusiness business, SourceReference source) {
        validation.check(business, source);
        MatchProfile profile = MatchProfile.of(business);
        lock(lockHashes(profile, business.fein()));
        long id = create(business, NameKey.of(business.legalName()), AddressKey.of(business.address()), source);
        log.info("Business {} created as confirmed different business by user {}", id, source.userId());
        return new Registration(id, true, null);
    }

    @Override
    @Transactional
    public List<Long> findByNameLocked(String name) {
        NameKey key = NameKey.of(name);
        if (key.isEmpty()) {
            return List.of();
        }
        lock(Set.of(("name:" + key.matchKey()).hashCode()));
        return jdbc.sql("""
                        SELECT b.id
                        FROM business b
                        WHERE b.merged_into_id IS NULL
                          AND (b.name_key = :key
                               OR EXISTS (SELECT 1 FROM business_trade_name t
                                          WHERE t.business_id = b.id AND t.name_key = :key))
                        ORDER BY b.id
                        """)
                .param("key", key.matchKey())
                .query(Long.class)
                .list();
    }

    /** Collects the match keys of every name of the record, legal name first. */
    private static Set<String> nameKeys(MatchProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        for (MatchProfile.Name name : profile.names()) {
            keys.add(name.key().matchKey());
        }
        return keys;
    }

    /**
     * Serializes registrations that share a name key or FEIN until the transaction ends, so two imports running at
     * the same time cannot both create the same business. Locks are taken in hash order to avoid deadlocks.
     */
    // NOTE: records whose names are only similar (not the same key) and share no FEIN are not serialized. Two of
    // them registered at the same moment can both be created, and the duplicates endpoint finds them afterwards.
    @Override
    @Transactional
    public void lockFor(List<IncomingBusiness> businesses) {
        Set<Integer> hashes = new java.util.TreeSet<>();
        for (IncomingBusiness business : businesses) {
            // A record without a name is rejected by register before it locks anything.
            if (business != null && business.legalName() != null) {
                hashes.addAll(lockHashes(MatchProfile.of(business), business.fein()));
            }
        }
        lock(hashes);
    }

    private static Set<Integer> lockHashes(MatchProfile profile, String fein) {
        Set<Integer> hashes = new java.util.TreeSet<>();
        nameKeys(profile).forEach(key -> hashes.add(("name:" + key).hashCode()));
        if (fein != null) {
            hashes.add(("fein:" + fein).hashCode());
        }
        return hashes;
    }

    /**
     * Takes the advisory locks not yet held in this transaction, in one statement and in the order of the sorted
     * subquery. The locks held are kept as a transaction resource, so a record of a batch locked by
     * {@link #lockFor} needs no statement.
     */
    private void lock(Set<Integer> hashes) {
        Set<Integer> held = heldLocks();
        List<Integer> missing = hashes.stream().filter(hash -> !held.contains(hash)).sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        SELECT count(pg_advisory_xact_lock(:space, hash))
                        FROM (SELECT DISTINCT hash FROM unnest(CAST(:hashes AS integer[])) AS h(hash) ORDER BY hash) sorted
                        """)
                .param("space", NAME_LOCK_SPACE)
                .param("hashes", missing.toArray(Integer[]::new))
                .query(Long.class)
                .single();
        held.addAll(missing);
    }

    /** Returns the advisory lock hashes taken in the current transaction; a new set outside a transaction. */
    @SuppressWarnings("unchecked")
    private static Set<Integer> heldLocks() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new java.util.HashSet<>();
        }
        Set<Integer> held = (Set<Integer>) TransactionSynchronizationManager.getResource(HELD_LOCKS);
        if (held == null) {
            Set<Integer> created = new java.util.HashSet<>();
            TransactionSynchronizationManager.bindResource(HELD_LOCKS, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HELD_LOCKS);
                }
            });
            held = created;
        }
        return held;
    }

    private record Match(Candidate candidate, KnownEstablishment establishment, String reason) {
    }

    /**
     * Picks the best candidate that is plainly the same business ({@link MatchScorer#isPlainlySame}), with its
     * establishment at the same place.
     */
    private static Optional<Match> choose(List<CandidateSearch.Scored> ranked, AddressKey addressKey) {
        CandidateSearch.Scored best = ranked.stream()
                .filter(scored -> MatchScorer.isPlainlySame(scored.result(), AUTO_MATCH_SCORE))
                .findFirst()
                .orElse(null);
        if (best == null) {
            return Optional.empty();
        }
        KnownEstablishment place = null;
        if (addressKey.street() != null) {
            for (KnownEstablishment known : best.candidate().establishments()) {
                if (!known.addressKey().isSamePlaceAs(addressKey)) {
                    continue;
                }
                if (place == null || known.addressKey().isSameLocalityAs(addressKey)) {
                    place = known;
                }
                if (known.addressKey().isSameLocalityAs(addressKey)) {
                    break;
                }
            }
        }
        return Optional.of(new Match(best.candidate(), place, reason(best.result())));
    }

    /**
     * Sums up why the record joined the business: "FEIN 12-3456789 matches", "Legal name and address match",
     * "Trade name and phone match", or the evidence reasons joined for other combinations.
     */
    static String reason(MatchResult result) {
        for (MatchEvidence evidence : result.evidence()) {
            if (evidence.kind() == MatchEvidence.Kind.FEIN && evidence.logOdds() >= 0) {
                return "FEIN " + evidence.reason().substring("Same FEIN ".length()) + " matches";
            }
        }
        String name = result.has(MatchEvidence.Kind.LEGAL_NAME) ? "Legal name"
                : result.has(MatchEvidence.Kind.TRADE_NAME) ? "Trade name" : null;
        if (name != null && result.has(MatchEvidence.Kind.ADDRESS)) {
            return name + " and address match";
        }
        if (name != null && result.has(MatchEvidence.Kind.PHONE)) {
            return name + " and phone match";
        }
        // A name after an organization's, or a similar name, joins only with the same phone and address, so it is
        // part of the reason even when the names alone count against.
        return String.join("; ", result.evidence().stream()
                .filter(evidence -> evidence.logOdds() > 0 || evidence.kind() == MatchEvidence.Kind.NAME_AFTER_PREFIX
                        || evidence.kind() == MatchEvidence.Kind.RARE_WORDS_SHARED)
                .map(MatchEvidence::reason)
                .toList());
    }

    private long create(IncomingBusiness business, NameKey legalKey, AddressKey addressKey, SourceReference source) {
        HistoryEntries history = new HistoryEntries();
        String insertBusiness = """
                INSERT INTO business (legal_name, name_key, fein, naics_code, website, website_key)
                VALUES (:legalName, :nameKey, :fein, :naicsCode, :website, :websiteKey)
                RETURNING id""";
        boolean withEstablishment = hasEstablishment(business);
        // With an establishment, both rows are inserted in one statement, which returns both ids.
        List<Long> ids = jdbc.sql(withEstablishment
                        ? "WITH new_business AS (" + insertBusiness + ") " + INSERT_ESTABLISHMENT.formatted(
                                "SELECT id, ", "FROM new_business") + " RETURNING business_id, id"
                        : insertBusiness)
                .param("legalName", business.legalName().strip())
                .param("nameKey", legalKey.matchKey())
                .param("fein", business.fein())
                .param("naicsCode", business.naicsCode())
                .param("website", business.website())
                .param("websiteKey", MatchKeys.websiteKey(business.website()))
                .params(withEstablishment ? establishmentParams(business, addressKey) : Map.of())
                .query((rs, row) -> withEstablishment ? List.of(rs.getLong(1), rs.getLong(2)) : List.of(rs.getLong(1)))
                .single();
        long businessId = ids.get(0);
        Long establishmentId = withEstablishment ? ids.get(1) : null;

        List<String> newNames = new java.util.ArrayList<>(List.of(business.legalName()));
        history.set("legal_name", null, business.legalName().strip());
        setIfPresent(history, "fein", business.fein());
        setIfPresent(history, "naics_code", business.naicsCode());
        setIfPresent(history, "website", business.website());

        Set<String> knownKeys = new LinkedHashSet<>(List.of(legalKey.matchKey()));
        for (String tradeName : business.tradeNames()) {
            addTradeName(businessId, tradeName, knownKeys, history, newNames);
        }
        if (withEstablishment) {
            noteEstablishment(establishmentId, business, history);
        }
        history.added("source_record", establishmentId, describe(source));
        addSourceRecord(businessId, establishmentId, business, source, null, history, newNames);
        return businessId;
    }

    private void addTo(Match match, IncomingBusiness business, NameKey legalKey, AddressKey addressKey,
                       SourceReference source) {
        Candidate candidate = match.candidate();
        long businessId = candidate.businessId();
        HistoryEntries history = new HistoryEntries();

        Set<String> knownKeys = new LinkedHashSet<>(candidate.allNameKeys());
        List<String> newNames = new java.util.ArrayList<>();
        if (!knownKeys.contains(legalKey.matchKey())) {
            history.conflict("legal_name", null, candidate.legalName(), business.legalName().strip());
            addTradeName(businessId, business.legalName(), knownKeys, history, newNames);
        }
        for (String tradeName : business.tradeNames()) {
            addTradeName(businessId, tradeName, knownKeys, history, newNames);
        }
        fillBusinessFields(candidate, business, history);

        Long establishmentId = establishmentFor(match, business, addressKey, history);
        history.added("source_record", establishmentId, describe(source));
        addSourceRecord(businessId, establishmentId, business, source, match.reason(), history, newNames);
    }

    private void fillBusinessFields(Candidate candidate, IncomingBusiness business, HistoryEntries history) {
        String fein = fill("fein", candidate.fein(), business.fein(), null, history);
        String naics = fill("naics_code", candidate.naicsCode(), business.naicsCode(), null, history);
        String website = fill("website", candidate.website(), business.website(), null, history);
        // Also marks the business as updated, in the same statement.
        jdbc.sql("""
                        UPDATE business
                        SET updated_at = now(),
                            fein = coalesce(fein, :fein),
                            naics_code = coalesce(naics_code, :naicsCode),
                            website = coalesce(website, :website),
                            website_key = CASE WHEN website IS NULL THEN :websiteKey ELSE website_key END
                        WHERE id = :id
                        """)
                .param("fein", fein)
                .param("naicsCode", naics)
                .param("website", website)
                .param("websiteKey", MatchKeys.websiteKey(website))
                .param("id", candidate.businessId())
                .update();
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
     */
    private Long establishmentFor(Match match, IncomingBusiness business, AddressKey addressKey,
                                  HistoryEntries history) {
        Candidate candidate = match.candidate();
        KnownEstablishment known = match.establishment();
        if (addressKey.street() != null && (known == null || !known.addressKey().isSamePlaceAs(addressKey))) {
            known = candidate.establishments().stream()
                    .filter(establishment -> establishment.addressKey().isSamePlaceAs(addressKey))
                    .findFirst()
                    .orElse(null);
            if (known == null) {
                return addEstablishment(candidate.businessId(), business, addressKey, history);
            }
        }
        if (known == null && business.phoneE164() != null) {
            known = candidate.establishments().stream()
                    .filter(establishment -> business.phoneE164().equals(establishment.phoneE164()))
                    .findFirst()
                    .orElse(null);
        }
        if (known == null) {
            return hasEstablishment(business) ? addEstablishment(candidate.businessId(), business, addressKey, history)
                    : null;
        }

        fillEstablishment(known, business, addressKey, history);
        return known.id();
    }

    private void fillEstablishment(KnownEstablishment known, IncomingBusiness business, AddressKey addressKey,
                                   HistoryEntries history) {
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
            return;
        }
        jdbc.sql("""
                        UPDATE establishment
                        SET phone = coalesce(phone, :phone),
                            phone_e164 = CASE WHEN phone IS NULL THEN :phoneE164 ELSE phone_e164 END,
                            phone_extension = CASE WHEN phone IS NULL THEN :extension ELSE phone_extension END,
                            postal_code = coalesce(postal_code, :postalCode),
                            zip5 = coalesce(zip5, :zip5),
                            county_fips = coalesce(county_fips, :countyFips),
                            updated_at = now()
                        WHERE id = :id
                        """)
                .param("phone", phone)
                .param("phoneE164", phoneE164)
                .param("extension", extension)
                .param("postalCode", postalCode)
                .param("zip5", zip5)
                .param("countyFips", countyFips)
                .param("id", known.id())
                .update();
    }

    /** Adds a trade name unless the business has its key already, and notes it in {@code newNames} for counting. */
    private void addTradeName(long businessId, String tradeName, Set<String> knownKeys, HistoryEntries history,
                              List<String> newNames) {
        NameKey key = NameKey.of(tradeName);
        if (key.isEmpty() || !knownKeys.add(key.matchKey())) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO business_trade_name (business_id, name, name_key)
                        VALUES (:businessId, :name, :nameKey)
                        ON CONFLICT (business_id, name_key) DO NOTHING
                        """)
                .param("businessId", businessId)
                .param("name", tradeName.strip())
                .param("nameKey", key.matchKey())
                .update();
        newNames.add(tradeName);
        history.added("trade_name", null, tradeName.strip());
    }

    // The columns of a new establishment; %s are what comes before the values (the business id) and after them.
    private static final String INSERT_ESTABLISHMENT = """
            INSERT INTO establishment (business_id, address_line1, address_line2, city, state, postal_code,
                                       country_code, county_fips, phone, phone_e164, phone_extension,
                                       address_key, unit_key, zip5, city_key)
            %s :line1, :line2, :city, :state, :postalCode, :countryCode, :countyFips,
                    :phone, :phoneE164, :extension, :addressKey, :unitKey, :zip5, :cityKey %s""";

    private long addEstablishment(long businessId, IncomingBusiness business, AddressKey addressKey,
                                  HistoryEntries history) {
        long id = jdbc.sql(INSERT_ESTABLISHMENT.formatted("VALUES (:businessId, ", ")") + " RETURNING id")
                .param("businessId", businessId)
                .params(establishmentParams(business, addressKey))
                .query(Long.class)
                .single();
        noteEstablishment(id, business, history);
        return id;
    }

    private static Map<String, Object> establishmentParams(IncomingBusiness business, AddressKey addressKey) {
        IncomingAddress address = business.address() == null
                ? new IncomingAddress(null, null, null, null, null, null, null)
                : business.address();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("line1", address.line1());
        params.put("line2", address.line2());
        params.put("city", address.city());
        params.put("state", address.state());
        params.put("postalCode", address.postalCode());
        params.put("countryCode", address.countryCode() == null ? "US" : address.countryCode());
        params.put("countyFips", address.countyFips());
        params.put("phone", business.phone());
        params.put("phoneE164", business.phoneE164());
        params.put("extension", business.phoneExtension());
        params.put("addressKey", addressKey.street());
        params.put("unitKey", addressKey.unit());
        params.put("zip5", addressKey.zip5());
        params.put("cityKey", addressKey.city());
        return params;
    }

    private static void noteEstablishment(long id, IncomingBusiness business, HistoryEntries history) {
        IncomingAddress address = business.address() == null
                ? new IncomingAddress(null, null, null, null, null, null, null)
                : business.address();
        history.added("establishment", id, EstablishmentText.oneLine(address));
        if (business.phone() != null && !business.phone().isBlank()) {
            history.set("establishment.phone", id, business.phone());
        }
    }

    /**
     * Adds the source record, the registration's history rows (which name it) and the word counts of the new names
     * in one statement: the history rows select the id that the source record's insert returns.
     */
    private void addSourceRecord(long businessId, Long establishmentId, IncomingBusiness business,
                                 SourceReference source, String matchReason, HistoryEntries history,
                                 List<String> newNames) {
        String sql = """
                WITH counted_words AS (%s),
                source_record AS (
                    INSERT INTO business_source_record (business_id, establishment_id, kind, source_name, import_id,
                                                        line_number, raw_values, incoming, match_reason, user_id,
                                                        partner_id)
                    VALUES (:businessId, :establishmentId, :kind, :sourceName, :importId, :lineNumber,
                            CAST(:rawValues AS jsonb), CAST(:incoming AS jsonb), :matchReason, :userId, :partnerId)
                    RETURNING id)
                INSERT INTO business_history (%s)
                %s""".formatted(MatchNameWords.COUNT_WORDS, HistoryEntries.COLUMNS,
                HistoryEntries.rowsSelect("(SELECT id FROM source_record)"));
        history.bind(jdbc.sql(sql), businessId, source)
                .param("words", MatchNameWords.wordsToCount(newNames))
                .param("establishmentId", establishmentId)
                .param("sourceName", source.sourceName())
                .param("importId", source.importId())
                .param("lineNumber", source.lineNumber())
                .param("rawValues", json.writeValueAsString(source.rawValues() == null ? java.util.Map.of() : source.rawValues()))
                .param("incoming", json.writeValueAsString(business))
                .param("matchReason", matchReason)
                .update();
    }

    private static boolean hasEstablishment(IncomingBusiness business) {
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

    private static String describe(SourceReference source) {
        return source.lineNumber() > 0 ? source.sourceName() + " line " + source.lineNumber() : source.sourceName();
    }
}
