package org.onedoor.assessment.internal;

import java.util.List;

import org.onedoor.assessment.AssessmentCompleted;
import org.onedoor.assessment.AssessmentUpdated;
import org.onedoor.demand.Demand;
import org.onedoor.demand.NeedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises the needs of a completed or updated needs assessment in the demand module, so each is matched to services
 * and an unmet one is logged. Runs in the assessment's transaction, so a failure here rolls the assessment back too.
 * It listens here, and not in the demand module, because demand listening to assessment would close a module cycle
 * through engagement.
 */
@Component
class AssessmentNeeds {

    private static final Logger log = LoggerFactory.getLogger(AssessmentNeeds.class);

    private final Demand demand;

    AssessmentNeeds(Demand demand) {
        this.demand = demand;
    }

    @EventListener
    void completed(AssessmentCompleted event) {
        raise(event.businessId(), event.assessmentId(), event.needCodes(), event.partnerId(), event.userId());
    }

    /**
     * Raises only the needs the update added, because a need the assessment raised before may have been offered and
     * closed since, and raising it again would open it anew.
     */
    @EventListener
    void updated(AssessmentUpdated event) {
        raise(event.businessId(), event.assessmentId(), event.addedNeedCodes(), event.partnerId(), event.userId());
    }

    private void raise(long businessId, long assessmentId, List<String> needCodes, Long partnerId, long userId) {
        if (needCodes.isEmpty()) {
            return;
        }
        if (partnerId == null) {
            // A raised need belongs to a partner, and an administrator without one has none to give.
            log.info("Needs assessment {} of business {} was saved by administrator {} without a partner, so its "
                    + "needs {} were not raised", assessmentId, businessId, userId, needCodes);
            return;
        }
        demand.raiseNeeds(businessId, needCodes, NeedSource.ASSESSMENT, partnerId, userId, assessmentId);
    }
}
