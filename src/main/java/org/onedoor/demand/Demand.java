package org.onedoor.demand;

import java.util.List;

import org.onedoor.demand.internal.DemandFigures;
import org.onedoor.demand.internal.NeedRecorder;
import org.onedoor.demand.internal.NeedStore;
import org.onedoor.demand.internal.OfferRecorder;
import org.onedoor.demand.internal.UnmetNeedLog;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs, offers and unmet needs for other modules: the needs assessment and the contact log raise needs here, and
 * record here the offer, or the reason for none, that ends each contact.
 */
@Service
public class Demand {

    private final NeedRecorder needs;
    private final OfferRecorder offers;
    private final NeedStore store;
    private final DemandFigures figures;
    private final UnmetNeedLog unmetNeedLog;

    Demand(NeedRecorder needs, OfferRecorder offers, NeedStore store, DemandFigures figures,
           UnmetNeedLog unmetNeedLog) {
        this.needs = needs;
        this.offers = offers;
        this.store = store;
        this.figures = figures;
        this.unmetNeedLog = unmetNeedLog;
    }

    /**
     * Records the needs raised for a business and matches each to the services in the business's area that meet
     * it, eligible and available first. A need that no service meets now is logged as an unmet need with its
     * reason. A need the business already has open is not recorded or logged again.
     *
     * @param needCodes codes from {@code FactCatalog.NEEDS} as it is at call time
     * @param partnerId the partner whose staff or system raised the needs
     * @param userId the staff member, or {@code null} for a partner system
     * @param sourceId the assessment or contact log id; {@code null} for {@link NeedSource#STAFF}
     * @throws org.onedoor.shared.InvalidInputException for no need codes or an unknown one
     * @throws NotFoundException for an unknown business or partner
     */
    @Transactional
    public List<RaisedNeed> raiseNeeds(long businessId, List<String> needCodes, NeedSource source, long partnerId,
                                       Long userId, Long sourceId) {
        return needs.raise(businessId, needCodes, source, partnerId, userId, sourceId);
    }

    /**
     * Lists the services in the business's area that meet a need, best first, with eligibility and availability as
     * they are now.
     *
     * @param partnerId the partner looking; its area is used when the business has no known county
     * @throws org.onedoor.shared.InvalidInputException for an unknown need code
     */
    @Transactional(readOnly = true)
    public List<ServiceMatch> servicesForNeed(long businessId, String needCode, long partnerId) {
        return needs.match(businessId, needCode, partnerId);
    }

    /**
     * Records an offer for an open need and the business's answer. Accepting or declining closes the need.
     *
     * @throws org.onedoor.shared.InvalidInputException naming every invalid value
     * @throws NotFoundException for a need that is not the business's
     * @throws org.onedoor.shared.ConflictException for a closed need
     */
    @Transactional
    public Offer recordOffer(long businessId, NewOffer offer, long partnerId, Long userId) {
        return offers.recordOffer(businessId, offer, partnerId, userId);
    }

    /**
     * Records why no offer was made, for one need or for a whole contact.
     *
     * @throws org.onedoor.shared.InvalidInputException for a missing reason, or OTHER without a note
     */
    @Transactional
    public Offer recordNoOffer(long businessId, NoOffer noOffer, long partnerId, Long userId) {
        return offers.recordNoOffer(businessId, noOffer, partnerId, userId);
    }

    /** Lists the needs of a business, open ones first, each with its offers. */
    @Transactional(readOnly = true)
    public List<BusinessNeed> needsOf(long businessId) {
        return store.needsOfBusiness(businessId);
    }

    /** Lists the offers and "no offer made" records of a business, oldest first. */
    @Transactional(readOnly = true)
    public List<Offer> offersOf(long businessId) {
        return store.offersOfBusiness(businessId);
    }

    /**
     * Lists the offers and "no offer made" records made at one contact, so the contact log can require an offer or
     * a reason for every contact.
     */
    @Transactional(readOnly = true)
    public List<Offer> offersAtContact(long contactId) {
        return store.offersOfContact(contactId);
    }

    /** Computes the demand figures for a filter. */
    @Transactional(readOnly = true)
    public DemandReport report(DemandFilter filter) {
        return figures.report(filter);
    }

    /** Reads one page of the unmet needs log, newest first. */
    @Transactional(readOnly = true)
    public ResultPage<UnmetNeed> unmetNeeds(DemandFilter filter, PageRequest pageRequest) {
        return unmetNeedLog.page(filter, pageRequest);
    }
}
