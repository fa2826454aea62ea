package org.onedoor.eligibility.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.eligibility.Combination;
import org.onedoor.eligibility.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory data of the services panel in memory: the active services in name order with their partner,
 * office, category, review dates and rules, and the workforce areas. Triggers set a new {@code directory_version}
 * when a transaction that changes these tables commits (migration V29). Each request reads that version and uses the
 * copy only when it was loaded at that same version, so a change is visible at once on every instance.
 */
@Component
public class PanelDirectory {

    private static final Logger log = LoggerFactory.getLogger(PanelDirectory.class);
    private static final int MAX_LOAD_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final RuleStore store;
    private final Object reloadLock = new Object();
    private volatile Snapshot shared;

    PanelDirectory(JdbcClient jdbc, RuleStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Directory data as of one version.
     *
     * @param areas every workforce area, which a service names by its position in this list
     * @param services the active services, ordered by name without regard to case, then by id
     * @param columns the fields of {@code services} that ranking reads, in the same order
     */
    record Snapshot(long version, List<FactValues.ServiceArea> areas, List<PanelService> services,
                    ServiceColumns columns) {
    }

    /**
     * An active service as the panel lists it.
     *
     * @param areaIndex the position of the service's area in {@link Snapshot#areas()}, so a request finds it
     *                  without a map lookup per service
     * @param rules shared between the services with equal rules, so a request evaluates each distinct set once
     * @param reviewDueAt from the {@code service_review} view, which defines the review rule
     */
    public record PanelService(long id, int areaIndex, String name, String categoryCode, String categoryName,
                               long partnerId, String partnerName, long officeId, String officeName,
                               String officeCity, String timeZone, RuleSet rules, Instant lastVerifiedAt,
                               String lastVerifiedBy, Instant reviewDueAt) {
    }

    /** The combination and ordered rules of a service. A set without rules is open to every business. */
    public record RuleSet(Combination combination, List<Rule> rules) {

        static final RuleSet NONE = new RuleSet(Combination.ALL, List.of());
    }

    /** SQL for the columns that {@link #current} needs, to add to a query that reads other data too. */
    static final String VERSION_COLUMNS = """
            (SELECT version FROM directory_version) AS directory_version,
            txid_current_if_assigned() IS NULL AS without_writes""";

    /**
     * Returns the directory data at the version that the caller read with {@link #VERSION_COLUMNS}, or at a later
     * version when the copy had to be reloaded.
     *
     * @param withoutWrites whether the caller's transaction has written nothing yet
     */
    Snapshot current(long version, boolean withoutWrites) {
        if (!withoutWrites) {
            // The version is set at commit, so a transaction that has written may see its own directory changes
            // under the old version. It reads its own copy and does not share it.
            return loadConsistent();
        }
        Snapshot cached = shared;
        if (cached != null && cached.version() == version) {
            return cached;
        }
        // One request reloads while the others wait, instead of all of them loading at once.
        synchronized (reloadLock) {
            cached = shared;
            if (cached != null && cached.version() == version) {
                return cached;
            }
            Snapshot loaded = loadConsistent();
            shared = loaded;
            return loaded;
        }
    }

    /**
     * Loads the copy with several statements and checks that the version was the same before and after them. Every
     * commit that changes the directory sets a new version, so an unchanged version means that all statements saw
     * the same directory data, even at {@code READ COMMITTED}.
     */
    private Snapshot loadConsistent() {
        for (int attempt = 1; attempt <= MAX_LOAD_ATTEMPTS; attempt++) {
            long before = version();
            Snapshot loaded = load(before);
            long after = version();
            if (after == before) {
                return loaded;
            }
            log.info("Directory version changed from {} to {} while loading the services panel's copy; loading again",
                    before, after);
        }
        throw new IllegalStateException("The directory changed during each of " + MAX_LOAD_ATTEMPTS + " attempts to "
                + "load the services panel's copy. Try again when the directory edits or import have finished.");
    }

    private long version() {
        return jdbc.sql("SELECT version FROM directory_version").query(Long.class).single();
    }

    private Snapshot load(long version) {
        long start = System.nanoTime();
        Map<Long, RuleSet> rules = ruleSets();
        List<FactValues.ServiceArea> areas = new ArrayList<>(store.areas().values());
        areas.sort(Comparator.comparingLong(FactValues.ServiceArea::areaId));
        Map<Long, Integer> areaIndexes = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            areaIndexes.put(areas.get(i).areaId(), i);
        }
        List<PanelService> services = new ArrayList<>();
        jdbc.sql("""
                        SELECT s.id, s.name, p.area_id, c.code AS category_code, c.name AS category_name,
                               p.id AS partner_id, p.name AS partner_name, o.id AS office_id, o.name AS office_name,
                               o.city AS office_city, o.time_zone, review.last_verified_at, review.last_verified_by,
                               review.review_due_at
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN office o ON o.id = s.office_id
                        JOIN employer_service_category c ON c.code = s.category_code
                        JOIN service_review review ON review.service_id = s.id
                        WHERE s.active
                        ORDER BY lower(s.name) COLLATE "C", s.id""")
                .query(rs -> {
                    long id = rs.getLong("id");
                    services.add(new PanelService(id, areaIndexes.get(rs.getLong("area_id")), rs.getString("name"),
                            rs.getString("category_code"), rs.getString("category_name"), rs.getLong("partner_id"),
                            rs.getString("partner_name"), rs.getLong("office_id"), rs.getString("office_name"),
                            rs.getString("office_city"), rs.getString("time_zone"),
                            rules.getOrDefault(id, RuleSet.NONE), instant(rs.getTimestamp("last_verified_at")),
                            rs.getString("last_verified_by"), instant(rs.getTimestamp("review_due_at"))));
                });
        Snapshot snapshot = new Snapshot(version, List.copyOf(areas), List.copyOf(services),
                ServiceColumns.of(services));
        log.info("Loaded directory version {} for the services panel: {} active services in {} ms", version,
                services.size(), (System.nanoTime() - start) / 1_000_000);
        return snapshot;
    }

    /** Reads the rules of every service, with one shared {@link RuleSet} for each distinct set. */
    private Map<Long, RuleSet> ruleSets() {
        Map<Long, Combination> combinations = new HashMap<>();
        Map<Long, List<Rule>> rulesByService = new HashMap<>();
        jdbc.sql("""
                        SELECT e.service_id, e.combination, r.label, r.expression
                        FROM service_eligibility e
                        LEFT JOIN eligibility_rule r ON r.service_id = e.service_id
                        ORDER BY e.service_id, r.position""")
                .query(rs -> {
                    long serviceId = rs.getLong("service_id");
                    combinations.put(serviceId, Combination.valueOf(rs.getString("combination")));
                    List<Rule> rules = rulesByService.computeIfAbsent(serviceId, id -> new ArrayList<>());
                    if (rs.getString("expression") != null) {
                        rules.add(new Rule(rs.getString("label"), rs.getString("expression")));
                    }
                });

        Map<RuleSet, RuleSet> distinct = new HashMap<>();
        Map<Long, RuleSet> byService = new HashMap<>();
        combinations.forEach((serviceId, combination) -> {
            RuleSet rules = new RuleSet(combination, List.copyOf(rulesByService.get(serviceId)));
            byService.put(serviceId, distinct.computeIfAbsent(rules, key -> key));
        });
        return byService;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
