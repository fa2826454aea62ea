package org.onedoor.demand.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.demand.NeedSource;
import org.onedoor.demand.RaisedNeed;
import org.onedoor.demand.ServiceMatch;
import org.onedoor.demand.UnmetReason;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records needs raised for a business, matches each to services and logs the needs that no service meets. */
@Component
public class NeedRecorder {

    private static final Logger log = LoggerFactory.getLogger(NeedRecorder.class);

    private final NeedStore store;
    private final ServiceMatcher matcher;
    private final BusinessProfileService profiles;

    NeedRecorder(NeedStore store, ServiceMatcher matcher, BusinessProfileService profiles) {
        this.store = store;
        this.matcher = matcher;
        this.profiles = profiles;
    }

    /**
     * Records each need unless the business already has it open, and logs an unmet need for each new need that no
     * service meets. A need raised again while open keeps its first record, so it counts once in the figures.
     *
     * @throws InvalidInputException for no need codes or an unknown one
     * @throws NotFoundException for an unknown business or partner
     */
    public List<RaisedNeed> raise(long businessId, List<String> needCodes, NeedSource source, long partnerId,
                                  Long userId, Long sourceId) {
        List<FactCatalog.Need> needs = needs(needCodes);
        if (source == null) {
            throw new InvalidInputException("source", "Source is missing. Use one of ASSESSMENT, CONTACT or STAFF.");
        }
        long areaId = store.areaOfPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        EligibilityFacts facts = profiles.eligibilityFacts(businessId);
        NeedStore.ProfileSnapshot snapshot = snapshot(facts);

        List<RaisedNeed> raised = new ArrayList<>();
        for (FactCatalog.Need need : needs) {
            Optional<Long> inserted = store.insertNeed(businessId, need.code(), source, sourceId, partnerId, areaId,
                    userId, snapshot);
            long needId = inserted.orElseGet(() -> store.openNeedId(businessId, need.code()));
            List<ServiceMatch> matches = matcher.match(need, facts, areaId);
            UnmetReason reason = ServiceMatcher.unmetReason(matches);
            if (inserted.isPresent() && reason != null) {
                store.insertUnmetNeed(needId, businessId, need.code(), snapshot, reason, matches.size(), partnerId,
                        areaId);
                log.info("Unmet need {} of business {} logged for partner {}: {}", need.code(), businessId,
                        partnerId, reason);
            }
            raised.add(new RaisedNeed(needId, need.code(), need.label(), inserted.isPresent(), matches, reason));
        }
        return raised;
    }

    /** Lists the services that meet one need of a business now, without recording anything. */
    public List<ServiceMatch> match(long businessId, String needCode, long partnerId) {
        FactCatalog.Need need = needs(List.of(needCode)).get(0);
        long areaId = store.areaOfPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        return matcher.match(need, profiles.eligibilityFacts(businessId), areaId);
    }

    /** Looks up the need codes in the shared need list as it is now, keeping their order and dropping repeats. */
    private static List<FactCatalog.Need> needs(List<String> needCodes) {
        if (needCodes == null || needCodes.isEmpty()) {
            throw new InvalidInputException("needs", "No need was given. Choose at least one need type: "
                    + codes() + ".");
        }
        List<FactCatalog.Need> needs = new ArrayList<>();
        for (String code : new LinkedHashSet<>(needCodes)) {
            needs.add(FactCatalog.need(code).orElseThrow(() -> new InvalidInputException("needs",
                    "Need type '" + code + "' is unknown. Use one of " + codes() + ".")));
        }
        return needs;
    }

    private static String codes() {
        return String.join(", ", FactCatalog.NEEDS.stream().map(FactCatalog.Need::code).toList());
    }

    /**
     * Copies the facts the demand figures group by. A business with several establishments counts in the county
     * that sorts first, so each need counts in exactly one county.
     */
    static NeedStore.ProfileSnapshot snapshot(EligibilityFacts facts) {
        String sector = facts.naicsCode() == null || facts.naicsCode().length() < 2 ? null
                : FactCatalog.sectorOf(facts.naicsCode());
        String county = facts.countyFips().stream().sorted().findFirst().orElse(null);
        return new NeedStore.ProfileSnapshot(sector, county, facts.employeeBand());
    }
}
