package org.onedoor.eligibility;

import java.time.Clock;
import java.time.Year;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.directory.Directory;
import org.onedoor.eligibility.internal.FactValues;
import org.onedoor.eligibility.internal.FactValues.ServiceArea;
import org.onedoor.eligibility.internal.RuleEvaluator;
import org.onedoor.eligibility.internal.RuleStore;
import org.onedoor.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the eligibility rules of services for a business from its shared profile, or for facts a caller gives,
 * such as a visitor of the public directory.
 */
@Service
public class Eligibility {

    private final BusinessProfileService profiles;
    private final Directory directory;
    private final RuleStore store;
    private final RuleEvaluator evaluator;
    private final Clock clock;

    Eligibility(BusinessProfileService profiles, Directory directory, RuleStore store, RuleEvaluator evaluator) {
        this.profiles = profiles;
        this.directory = directory;
        this.store = store;
        this.evaluator = evaluator;
        this.clock = Clock.systemUTC();
    }

    /**
     * Evaluates one service for one business.
     *
     * @throws NotFoundException for an unknown business or service
     */
    @Transactional(readOnly = true)
    public EligibilityResult evaluate(long businessId, long serviceId) {
        directory.findService(serviceId).orElseThrow(() -> NotFoundException.of("Service", serviceId));
        return evaluateAll(businessId, List.of(serviceId)).get(serviceId);
    }

    /**
     * Evaluates many services for one business, loading the business's facts once and all rules in one query.
     * Services that do not exist are left out of the result.
     *
     * @throws NotFoundException for an unknown business
     */
    @Transactional(readOnly = true)
    public Map<Long, EligibilityResult> evaluateAll(long businessId, Collection<Long> serviceIds) {
        Map<String, Object> base = FactValues.of(profiles.eligibilityFacts(businessId), Year.now(clock));
        Map<Long, ServiceRules> rules = store.rulesOf(serviceIds);
        Map<Long, ServiceArea> areas = store.areasOf(serviceIds);

        Map<Long, RuleEvaluator.FactsEvaluation> evaluationsByArea = new java.util.HashMap<>();
        Map<Long, EligibilityResult> results = new LinkedHashMap<>();
        for (Long serviceId : serviceIds) {
            ServiceArea area = areas.get(serviceId);
            if (area != null) {
                RuleEvaluator.FactsEvaluation evaluation = evaluationsByArea.computeIfAbsent(area.areaId(),
                        id -> evaluator.forFacts(FactValues.withArea(base, area)));
                results.put(serviceId, evaluation.evaluate(rules.get(serviceId)));
            }
        }
        return results;
    }

    /**
     * Evaluates one service against facts given by name, such as those entered on a public page. Names that are not in
     * {@link FactCatalog} are ignored, and facts not given are missing.
     */
    @Transactional(readOnly = true)
    public EligibilityResult evaluateFacts(long serviceId, Map<String, ?> facts) {
        directory.findService(serviceId).orElseThrow(() -> NotFoundException.of("Service", serviceId));
        return evaluator.evaluate(store.rulesOf(serviceId), FactValues.normalize(facts));
    }

    /**
     * Returns the rules of a service.
     *
     * @throws NotFoundException for an unknown service
     */
    @Transactional(readOnly = true)
    public ServiceRules rules(long serviceId) {
        directory.findService(serviceId).orElseThrow(() -> NotFoundException.of("Service", serviceId));
        return store.rulesOf(serviceId);
    }
}
