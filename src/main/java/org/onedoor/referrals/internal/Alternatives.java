package org.onedoor.referrals.internal;

import java.util.List;
import java.util.Map;

import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.FactCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds services to offer instead of one that was full or had unknown availability: active services of the same
 * workforce area that meet the same need, have a unit available now and for which the business is eligible.
 */
@Service
public class Alternatives {

    /** Candidates read before eligibility is evaluated; enough for a page that offers a few. */
    private static final int CANDIDATES = 50;

    private final JdbcClient jdbc;
    private final Eligibility eligibility;

    Alternatives(JdbcClient jdbc, Eligibility eligibility) {
        this.jdbc = jdbc;
        this.eligibility = eligibility;
    }

    /** A service to offer instead, with its partner and free units. */
    public record Alternative(long serviceId, String serviceName, String partnerName, int availableUnits) {
    }

    /** Returns up to {@code limit} alternatives, those with the most free units first. */
    @Transactional(readOnly = true)
    public List<Alternative> to(long businessId, long serviceId, String needCode, int limit) {
        List<String> categories = FactCatalog.need(needCode)
                .map(FactCatalog.Need::categoryCodes)
                .orElseGet(() -> jdbc.sql("SELECT category_code FROM service WHERE id = :id")
                        .param("id", serviceId).query(String.class).list());
        List<Alternative> candidates = jdbc.sql("""
                        SELECT s.id AS service_id, s.name AS service_name, p.name AS partner_name,
                               cap.available_units
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN service_capacity cap ON cap.service_id = s.id
                        WHERE s.active AND s.id <> :service AND s.category_code IN (:categories)
                          AND p.area_id = (SELECT p2.area_id FROM service s2 JOIN program pr2 ON pr2.id = s2.program_id
                                           JOIN partner p2 ON p2.id = pr2.partner_id WHERE s2.id = :service)
                          AND cap.available_units > 0 AND cap.updated_at + cap.freshness_limit > now()
                        ORDER BY cap.available_units DESC, s.name, s.id
                        LIMIT :limit""")
                .param("service", serviceId)
                .param("categories", categories)
                .param("limit", CANDIDATES)
                .query(Alternative.class)
                .list();
        Map<Long, EligibilityResult> results = eligibility.evaluateAll(businessId,
                candidates.stream().map(Alternative::serviceId).toList());
        return candidates.stream()
                .filter(candidate -> results.containsKey(candidate.serviceId())
                        && results.get(candidate.serviceId()).status() == EligibilityResult.Status.ELIGIBLE)
                .limit(limit)
                .toList();
    }
}
