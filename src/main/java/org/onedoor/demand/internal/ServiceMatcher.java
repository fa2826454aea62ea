package org.onedoor.demand.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.demand.ServiceMatch;
import org.onedoor.demand.UnmetReason;
import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceCapacity;
import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.FactCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the services that meet a need of a business and evaluates them with the directory's evaluation: the
 * business's eligibility from {@link Eligibility} and the live capacity from {@link Directory}.
 *
 * <p>A service meets a need when it is active and its employer service category is one of the need's categories.
 * It is in the business's area when its partner's workforce area lists a county of one of the business's
 * establishments, or lists no county and is in the state of one, as the eligibility rules define a service's area.
 * For a business without a known county, the area is that of the partner recording the need.
 */
@Component
public class ServiceMatcher {

    private final JdbcClient jdbc;
    private final Eligibility eligibility;
    private final Directory directory;

    ServiceMatcher(JdbcClient jdbc, Eligibility eligibility, Directory directory) {
        this.jdbc = jdbc;
        this.eligibility = eligibility;
        this.directory = directory;
    }

    private record Candidate(long id, String name, long partnerId, String partnerName, String categoryCode,
                             String categoryName) {
    }

    /** Lists the services that meet the need in the business's area, best first as {@link ServiceMatch#rank()}. */
    public List<ServiceMatch> match(FactCatalog.Need need, EligibilityFacts facts, long recordingAreaId) {
        List<Candidate> candidates = jdbc.sql("""
                        SELECT s.id, s.name, p.id AS partner_id, p.name AS partner_name, c.code AS category_code,
                               c.name AS category_name
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN employer_service_category c ON c.code = s.category_code
                        WHERE s.active
                          AND s.category_code = ANY(:categories)
                          AND CASE WHEN cardinality(CAST(:counties AS text[])) = 0 THEN p.area_id = :areaId
                                   WHEN EXISTS (SELECT 1 FROM workforce_area_county ac WHERE ac.area_id = p.area_id)
                                       THEN EXISTS (SELECT 1 FROM workforce_area_county ac
                                                    WHERE ac.area_id = p.area_id
                                                      AND ac.county_fips = ANY(CAST(:counties AS text[])))
                                   ELSE EXISTS (SELECT 1 FROM workforce_area a
                                                WHERE a.id = p.area_id
                                                  AND a.state_fips = ANY(SELECT left(county, 2)
                                                                         FROM unnest(CAST(:counties AS text[]))
                                                                             AS county)) END
                        """)
                .param("categories", need.categoryCodes().toArray(String[]::new))
                .param("counties", facts.countyFips().toArray(String[]::new))
                .param("areaId", recordingAreaId)
                .query(Candidate.class)
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> ids = candidates.stream().map(Candidate::id).toList();
        Map<Long, EligibilityResult> results = eligibility.evaluateAll(facts.businessId(), ids);
        Map<Long, ServiceCapacity> capacities = directory.capacities(ids);

        List<ServiceMatch> matches = new ArrayList<>();
        for (Candidate candidate : candidates) {
            EligibilityResult result = results.get(candidate.id());
            ServiceCapacity capacity = capacities.get(candidate.id());
            matches.add(new ServiceMatch(candidate.id(), candidate.name(), candidate.partnerId(),
                    candidate.partnerName(), candidate.categoryCode(), candidate.categoryName(), result.status(),
                    result.summary(), capacity.status(), capacity.summary()));
        }
        matches.sort(Comparator.comparingInt(ServiceMatch::rank)
                .thenComparing(match -> match.name().toLowerCase(Locale.ROOT))
                .thenComparingLong(ServiceMatch::serviceId));
        return matches;
    }

    /** Returns why no service meets the need, or {@code null} when one does. */
    public static UnmetReason unmetReason(List<ServiceMatch> matches) {
        if (matches.isEmpty()) {
            return UnmetReason.NO_SERVICE;
        }
        if (matches.stream().anyMatch(ServiceMatch::meetsNeed)) {
            return null;
        }
        if (matches.stream().anyMatch(match -> match.eligibility() == EligibilityResult.Status.ELIGIBLE)) {
            // Every service the business qualifies for reports current figures with no unit available.
            return UnmetReason.NO_CAPACITY;
        }
        if (matches.stream().anyMatch(match -> match.eligibility() == EligibilityResult.Status.UNKNOWN)) {
            return UnmetReason.ELIGIBILITY_UNKNOWN;
        }
        return UnmetReason.NOT_ELIGIBLE;
    }
}
