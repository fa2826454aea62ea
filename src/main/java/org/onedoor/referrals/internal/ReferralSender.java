package org.onedoor.referrals.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceSummary;
import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.QualityStandard;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralRejectedException;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.referrals.SendRequest;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends referrals. The checks run in a fixed order inside one transaction, and any rejection rolls back everything
 * the send wrote, the closing of a handed-off referral included:
 * <ol>
 *     <li>the receiving area's quality standard ({@code incomplete});</li>
 *     <li>the service's eligibility rules ({@code not_eligible}, or {@code missing_facts} when unknown);</li>
 *     <li>no other partner active on the same employer service category and need for the business
 *     ({@code conflict}), unless the request hands off from that referral;</li>
 *     <li>one unit of capacity as a hold, one conditional update ({@code no_capacity} or {@code capacity_stale}).</li>
 * </ol>
 */
@Service
public class ReferralSender {

    private static final Logger log = LoggerFactory.getLogger(ReferralSender.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Eligibility eligibility;
    private final ReferralStandards standards;
    private final QualityCheck quality;
    private final CapacityHolds capacity;
    private final StatusChanges statusChanges;
    private final ReferralStore store;
    private final ReferralNotices notices;

    ReferralSender(JdbcClient jdbc, Directory directory, Eligibility eligibility, ReferralStandards standards,
                   QualityCheck quality, CapacityHolds capacity, StatusChanges statusChanges, ReferralStore store,
                   ReferralNotices notices) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.eligibility = eligibility;
        this.standards = standards;
        this.quality = quality;
        this.capacity = capacity;
        this.statusChanges = statusChanges;
        this.store = store;
        this.notices = notices;
    }

    /**
     * Sends a referral and takes a capacity hold for it.
     *
     * @throws InvalidInputException for a missing business or service id, or an invalid element value
     * @throws NotFoundException for an unknown business or service
     * @throws AccessDeniedException for an account without a partner, which cannot send
     * @throws ReferralRejectedException with the code of the first check that failed
     */
    @Transactional
    public Referral send(SendRequest request, CurrentUser user) {
        if (request.businessId() == null || request.serviceId() == null) {
            throw new InvalidInputException(request.businessId() == null ? "businessId" : "serviceId",
                    "The " + (request.businessId() == null ? "businessId" : "serviceId")
                            + " is missing. Give the ids of the business and of the service it is referred to.");
        }
        if (user.partnerId() == null) {
            throw new AccessDeniedException("Referrals are sent by a partner. This account has no partner, so use "
                    + "an account of the sending partner.");
        }
        long businessId = request.businessId();
        lockBusiness(businessId);
        ServiceSummary service = directory.findService(request.serviceId())
                .orElseThrow(() -> NotFoundException.of("Service", request.serviceId()));
        if (!service.active()) {
            throw new InvalidInputException("serviceId", "Service " + service.id() + " (" + service.name()
                    + ") is inactive. Choose an active service.");
        }

        long areaId = directory.findPartner(service.partnerId()).orElseThrow().areaId();
        QualityStandard standard = standards.of(areaId);
        QualityCheck.Elements elements = quality.check(request, service, standard);
        checkEligibility(businessId, service);
        handOffOrRejectConflict(request, businessId, service, elements.needCode(), user);
        holdCapacity(service);

        long id = insert(businessId, service, elements, request.handOffFromReferralId(), user);
        statusChanges.record(id, null, ReferralStatus.REQUESTED, null, null, null, user.id());
        Referral referral = store.find(id).orElseThrow();
        notices.sent(referral, user.id());

        log.info("User {} of partner {} sent referral {} of business {} to service {}", user.id(), user.partnerId(),
                id, businessId, service.id());
        return referral;
    }

    /**
     * Serializes sends for one business, so two concurrent sends cannot both pass the check for another active
     * partner. NO KEY UPDATE does not block inserts that reference the business.
     */
    private void lockBusiness(long businessId) {
        Long mergedInto = jdbc.sql("SELECT id, merged_into_id FROM business WHERE id = :id FOR NO KEY UPDATE")
                .param("id", businessId)
                .query((rs, row) -> {
                    long survivor = rs.getLong("merged_into_id");
                    return rs.wasNull() ? 0L : survivor;
                })
                .optional()
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
        if (mergedInto != 0L) {
            throw new InvalidInputException("businessId", "Business " + businessId + " was merged into business "
                    + mergedInto + ". Refer business " + mergedInto + " instead.");
        }
    }

    private void checkEligibility(long businessId, ServiceSummary service) {
        EligibilityResult result = eligibility.evaluate(businessId, service.id());
        if (result.status() == EligibilityResult.Status.NOT_ELIGIBLE) {
            throw new ReferralRejectedException("not_eligible", "The business is not eligible for " + service.name()
                    + ". Failed rules: " + String.join("; ", result.failed()) + ".",
                    Map.of("failedRules", result.failed()));
        }
        if (result.status() == EligibilityResult.Status.UNKNOWN) {
            List<Map<String, String>> missing = result.missingFacts().stream()
                    .map(fact -> Map.of("name", fact.name(), "label", fact.label(), "question", fact.question()))
                    .toList();
            throw new ReferralRejectedException("missing_facts", "Eligibility for " + service.name()
                    + " is unknown until these facts are in the business profile: " + String.join("; ",
                    result.missingFacts().stream().map(EligibilityResult.MissingFact::label).toList())
                    + ". Answer them, then send again.", Map.of("missingFacts", missing));
        }
    }

    private void handOffOrRejectConflict(SendRequest request, long businessId, ServiceSummary service,
                                         String needCode, CurrentUser user) {
        List<Long> active = jdbc.sql("""
                        SELECT id FROM referral
                        WHERE business_id = :business AND closed_at IS NULL AND category_code = :category
                          AND need_code = :need AND receiving_partner_id <> :partner
                        ORDER BY id""")
                .param("business", businessId)
                .param("category", service.categoryCode())
                .param("need", needCode)
                .param("partner", service.partnerId())
                .query(Long.class)
                .list();
        Long handOff = request.handOffFromReferralId();
        if (handOff != null) {
            closeHandedOff(handOff, businessId, service, user);
        }
        for (long id : active) {
            if (handOff == null || id != handOff) {
                Referral other = store.find(id).orElseThrow();
                Map<String, Object> activeReferral = new LinkedHashMap<>();
                activeReferral.put("id", other.id());
                activeReferral.put("partnerId", other.receivingPartnerId());
                activeReferral.put("partnerName", other.receivingPartnerName());
                activeReferral.put("serviceName", other.serviceName());
                activeReferral.put("status", other.status().fhirCode());
                throw new ReferralRejectedException("conflict", other.receivingPartnerName()
                        + " is already active on this kind of service for the business: referral " + other.id()
                        + " to " + other.serviceName() + " is " + other.status().fhirCode()
                        + ". Send this one as a hand-off that closes referral " + other.id()
                        + ", or wait until it closes.", Map.of("activeReferral", activeReferral));
            }
        }
    }

    private void closeHandedOff(long handOffId, long businessId, ServiceSummary service, CurrentUser user) {
        Referral other = store.find(handOffId).orElseThrow(() -> new InvalidInputException("handOffFromReferralId",
                "Referral " + handOffId + " does not exist. Give the id of the open referral this one replaces."));
        if (other.businessId() != businessId || other.status().closed()) {
            throw new InvalidInputException("handOffFromReferralId", "Referral " + handOffId + " is "
                    + (other.businessId() != businessId ? "for another business" : other.status().fhirCode())
                    + ". A hand-off replaces an open referral of the same business.");
        }
        if (!user.isAdministrator() && !other.involves(user.partnerId())) {
            throw new AccessDeniedException("Only staff of " + other.sendingPartnerName() + " or "
                    + other.receivingPartnerName() + " may hand off referral " + handOffId + ".");
        }
        statusChanges.transition(other, ReferralStatus.CANCELLED, StatusFlow.HANDED_OFF,
                "Handed off to " + service.partnerName() + " (" + service.name() + ").", null, user.id());
    }

    private void holdCapacity(ServiceSummary service) {
        if (capacity.hold(service.id())) {
            return;
        }
        CapacityHolds.Shortage shortage = capacity.shortage(service.id());
        Map<String, Object> details = Map.of("serviceId", service.id(), "serviceName", service.name());
        switch (shortage) {
            case NO_CAPACITY -> throw new ReferralRejectedException("no_capacity", service.name()
                    + " has no unit available now. Add the business to the service's waiting list, or refer it "
                    + "to another service that meets the same need.", details);
            case STALE -> throw new ReferralRejectedException("capacity_stale", "The capacity figures of "
                    + service.name() + " are older than their freshness limit, so availability is unknown. Ask "
                    + service.partnerName() + " to confirm the figures, or use the waiting list.", details);
            case NOT_RECORDED -> throw new ReferralRejectedException("capacity_stale", service.name()
                    + " has no capacity figures, so availability is unknown. Ask " + service.partnerName()
                    + " to record them, or use the waiting list.", details);
        }
    }

    private long insert(long businessId, ServiceSummary service, QualityCheck.Elements elements, Long handOffFrom,
                        CurrentUser user) {
        QualityCheck.KnownContact contact = elements.contact();
        return jdbc.sql("""
                        INSERT INTO referral (business_id, service_id, category_code, need_code, sending_partner_id,
                                              sender_user_id, receiving_partner_id, receiving_office_id,
                                              receiving_user_id, contact_id, contact_name, contact_method,
                                              contact_detail, consent_given_at, hand_off_note,
                                              expected_first_contact_date, handed_off_from_id, status,
                                              capacity_state)
                        VALUES (:business, :service, :category, :need, :sendingPartner, :sender, :receivingPartner,
                                :office, :receivingUser, :contactId, :contactName, :contactMethod, :contactDetail,
                                CASE WHEN :consent THEN now() END, :note, :firstContactDate, :handOffFrom,
                                'REQUESTED', 'HELD')
                        RETURNING id""")
                .param("business", businessId)
                .param("service", service.id())
                .param("category", service.categoryCode())
                .param("need", elements.needCode())
                .param("sendingPartner", user.partnerId())
                .param("sender", user.id())
                .param("receivingPartner", service.partnerId())
                .param("office", elements.receivingOfficeId())
                .param("receivingUser", elements.receivingUserId())
                .param("contactId", contact == null ? null : contact.id())
                .param("contactName", contact == null ? null : contact.name())
                .param("contactMethod", elements.contactMethod())
                .param("contactDetail", elements.contactDetail())
                .param("consent", elements.consentGiven())
                .param("note", elements.handOffNote())
                .param("firstContactDate", elements.firstContactDate())
                .param("handOffFrom", handOffFrom)
                .query(Long.class)
                .single();
    }
}
