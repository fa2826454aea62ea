package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.onedoor.businesses.BatchRegistration;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers incoming records with the matching engine: {@link RegistrationBatch} finds the businesses a record could
 * belong to through the exact blocking keys and scores them with {@link MatchScorer}, and the record joins the best
 * one only when it is plainly the same business: the score
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
    private final BusinessCandidates candidates;
    private final MatchNameWords nameWords;

    MatchingBusinessRegistry(JdbcClient jdbc, JsonMapper json, IncomingValidation validation,
                             BusinessCandidates candidates, MatchNameWords nameWords) {
        this.jdbc = jdbc;
        this.json = json;
        this.validation = validation;
        this.candidates = candidates;
        this.nameWords = nameWords;
    }

    // An invalid record is rejected before anything is written, so it need not roll back the caller's transaction:
    // an import registers a batch of records in one.
    @Override
    @Transactional(noRollbackFor = InvalidInputException.class)
    public Registration register(IncomingBusiness business, SourceReference source) {
        BatchRegistration outcome = registerAll(List.of(business), List.of(source)).get(0);
        if (outcome.isRejected()) {
            throw outcome.rejection();
        }
        return outcome.registration();
    }

    @Override
    @Transactional
    public List<BatchRegistration> registerAll(List<IncomingBusiness> businesses, List<SourceReference> sources) {
        if (businesses.size() != sources.size()) {
            throw new IllegalArgumentException("Got " + businesses.size() + " records but " + sources.size()
                    + " sources; give one source per record");
        }
        BatchRegistration[] outcomes = new BatchRegistration[businesses.size()];
        List<Integer> positions = new ArrayList<>();
        List<RegistrationBatch.Item> items = new ArrayList<>();
        Set<Integer> hashes = new TreeSet<>();
        for (int i = 0; i < businesses.size(); i++) {
            try {
                validation.check(businesses.get(i), sources.get(i));
            } catch (InvalidInputException invalid) {
                outcomes[i] = new BatchRegistration(null, invalid);
                continue;
            }
            RegistrationBatch.Item item = RegistrationBatch.Item.of(businesses.get(i), sources.get(i));
            positions.add(i);
            items.add(item);
            // A placeholder name is never joined, so it needs no lock.
            if (!item.placeholder()) {
                hashes.addAll(lockHashes(item.profile(), item.business().fein()));
            }
        }
        lock(hashes);

        List<Registration> registrations = newBatch().register(items, false);
        for (int i = 0; i < items.size(); i++) {
            Registration registration = registrations.get(i);
            outcomes[positions.get(i)] = new BatchRegistration(registration, null);
            SourceReference source = items.get(i).source();
            log.debug("Business {} {} from {} line {}", registration.businessId(),
                    registration.created() ? "created" : "matched", source.sourceName(), source.lineNumber());
        }
        return List.of(outcomes);
    }

    /**
     * Creates a new business from the record without matching, for a person who has seen the candidates and
     * confirmed that the record is a different business.
     */
    @Transactional
    public Registration registerAsNew(IncomingBusiness business, SourceReference source) {
        validation.check(business, source);
        RegistrationBatch.Item item = RegistrationBatch.Item.of(business, source);
        lock(lockHashes(item.profile(), business.fein()));
        Registration registration = newBatch().register(List.of(item), true).get(0);
        log.info("Business {} created as confirmed different business by user {}", registration.businessId(),
                source.userId());
        return registration;
    }

    private RegistrationBatch newBatch() {
        return new RegistrationBatch(jdbc, json, candidates, nameWords);
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
        // Names sharing a rare word join only at the same place, so they are part of the reason even when the names
        // alone count against.
        return String.join("; ", result.evidence().stream()
                .filter(evidence -> evidence.logOdds() > 0 || MatchScorer.sharesRareWord(evidence))
                .map(MatchEvidence::reason)
                .toList());
    }
}
