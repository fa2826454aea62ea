package org.onedoor.demand.web;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.demand.BusinessNeed;
import org.onedoor.demand.Demand;
import org.onedoor.demand.DemandFilter;
import org.onedoor.demand.DemandReport;
import org.onedoor.demand.FollowUp;
import org.onedoor.demand.NeedSource;
import org.onedoor.demand.NewOffer;
import org.onedoor.demand.NoOffer;
import org.onedoor.demand.NoOfferReason;
import org.onedoor.demand.Offer;
import org.onedoor.demand.OfferAnswer;
import org.onedoor.demand.RaisedNeed;
import org.onedoor.directory.Directory;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for the needs and offers of a business and for the demand figures. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Demand", description = "Needs raised for a business, offers and their answers, unmet needs and the "
        + "demand figures of an area")
class DemandApiController {

    private final Demand demand;
    private final BusinessProfileService profiles;
    private final Directory directory;

    DemandApiController(Demand demand, BusinessProfileService profiles, Directory directory) {
        this.demand = demand;
        this.profiles = profiles;
        this.directory = directory;
    }

    /**
     * Needs to record.
     *
     * @param source ASSESSMENT, CONTACT or STAFF (default)
     * @param partnerId only for an administrator without a partner
     */
    record RaiseNeedsRequest(List<String> needs, String source, Long sourceId, Long partnerId) {
    }

    /**
     * An offer for a need, or with {@code noOfferReason} a record that no offer was made.
     *
     * @param answer ACCEPTED, DECLINED or DEFERRED
     * @param followUp REFERRAL or OWN_SERVICE, for an accepted offer
     * @param deferredUntil YYYY-MM-DD, after today, for a deferred offer
     * @param noOfferReason a reason from the list instead of an offer; then leave out the offer's fields
     * @param partnerId only for an administrator without a partner
     */
    record OfferRequest(Long needId, List<Long> serviceIds, String answer, String followUp, String declineReason,
                        String deferredUntil, Long contactId, String note, String noOfferReason, Long partnerId) {
    }

    @PostMapping("/businesses/{id}/needs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record needs of a business and list the services that meet each, best first",
            description = "A need the business already has open is returned with created=false and is not recorded "
                    + "again. A need no service meets now is logged as unmet, with unmetReason.")
    List<RaisedNeed> raiseNeeds(@PathVariable long id, @RequestBody RaiseNeedsRequest request,
                                @AuthenticationPrincipal CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        NeedSource source = RequestValues.enumValue("source", request.source(), NeedSource.class, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long partnerId = RequestValues.partnerOf(user, request.partnerId());
        return demand.raiseNeeds(id, request.needs(), source == null ? NeedSource.STAFF : source, partnerId,
                user.id(), request.sourceId());
    }

    @GetMapping("/businesses/{id}/needs")
    @Operation(summary = "List the needs of a business, open ones first, each with its offers")
    List<BusinessNeed> needs(@PathVariable long id) {
        profiles.eligibilityFacts(id);
        return demand.needsOf(id);
    }

    @PostMapping("/businesses/{id}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an offer for an open need and the business's answer, or why no offer was made",
            description = "Accepted or declined closes the need. An offer on a closed need returns 409.")
    Offer recordOffer(@PathVariable long id, @RequestBody OfferRequest request,
                      @AuthenticationPrincipal CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        NoOfferReason noOfferReason = RequestValues.enumValue("noOfferReason", request.noOfferReason(),
                NoOfferReason.class, problems);
        OfferAnswer answer = RequestValues.enumValue("answer", request.answer(), OfferAnswer.class, problems);
        FollowUp followUp = RequestValues.enumValue("followUp", request.followUp(), FollowUp.class, problems);
        var deferredUntil = RequestValues.date("deferredUntil", request.deferredUntil(), problems);
        boolean noOffer = request.noOfferReason() != null;
        if (noOffer) {
            rejectOfferFields(request, problems);
        } else if (request.needId() == null) {
            problems.add(new FieldProblem("needId", "Need is missing. Give the id of an open need of business " + id
                    + ", or give noOfferReason to record why no offer was made."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long partnerId = RequestValues.partnerOf(user, request.partnerId());
        profiles.eligibilityFacts(id);
        if (noOffer) {
            return demand.recordNoOffer(id, new NoOffer(request.needId(), noOfferReason, request.note(),
                    request.contactId()), partnerId, user.id());
        }
        return demand.recordOffer(id, new NewOffer(request.needId(), request.serviceIds(), answer, followUp,
                request.declineReason(), deferredUntil, request.contactId(), request.note()), partnerId, user.id());
    }

    private static void rejectOfferFields(OfferRequest request, List<FieldProblem> problems) {
        List<String> present = new ArrayList<>();
        if (request.serviceIds() != null && !request.serviceIds().isEmpty()) {
            present.add("serviceIds");
        }
        if (request.answer() != null) {
            present.add("answer");
        }
        if (request.followUp() != null) {
            present.add("followUp");
        }
        if (request.declineReason() != null) {
            present.add("declineReason");
        }
        if (request.deferredUntil() != null) {
            present.add("deferredUntil");
        }
        for (String field : present) {
            problems.add(new FieldProblem(field, "Field '" + field + "' belongs to an offer, but noOfferReason says "
                    + "no offer was made. Leave out one or the other."));
        }
    }

    @GetMapping("/businesses/{id}/offers")
    @Operation(summary = "List the offers and no-offer records of a business, oldest first")
    List<Offer> offers(@PathVariable long id) {
        profiles.eligibilityFacts(id);
        return demand.offersOf(id);
    }

    @GetMapping("/reports/demand")
    @Operation(summary = "Compute the demand figures: needs raised, offers made, offers accepted and unmet needs",
            description = "Totals, the same figures by need type, NAICS sector, county, partner and month, and unmet "
                    + "needs ranked by count and by businesses affected. Months are YYYY-MM, both ends included.")
    DemandReport report(@RequestParam(required = false) Long area, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(required = false) String needType,
                        @RequestParam(required = false) String sector, @RequestParam(required = false) String county,
                        @RequestParam(required = false) Long partner) {
        return demand.report(DemandFilter.parse(area, from, to, needType, sector, county, partner,
                id -> directory.findPartner(id).isPresent()));
    }
}
