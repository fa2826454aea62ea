package org.onedoor.demand.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.demand.BusinessNeed;
import org.onedoor.demand.Demand;
import org.onedoor.demand.FollowUp;
import org.onedoor.demand.NeedSource;
import org.onedoor.demand.NewOffer;
import org.onedoor.demand.NoOffer;
import org.onedoor.demand.NoOfferReason;
import org.onedoor.demand.Offer;
import org.onedoor.demand.OfferAnswer;
import org.onedoor.demand.RaisedNeed;
import org.onedoor.demand.internal.DemandSettings;
import org.onedoor.directory.Directory;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The needs and offers of a business: a section of the business page, a page of its own where staff raise needs
 * and record that no offer was made, and a page per open need to record the offer.
 */
@Controller
class NeedsPageController {

    private static final Logger log = LoggerFactory.getLogger(NeedsPageController.class);

    private final Demand demand;
    private final BusinessProfileService profiles;
    private final Directory directory;
    private final DemandSettings settings;

    NeedsPageController(Demand demand, BusinessProfileService profiles, Directory directory,
                        DemandSettings settings) {
        this.demand = demand;
        this.profiles = profiles;
        this.directory = directory;
        this.settings = settings;
    }

    /** The offer form as submitted. Every value is text, so a wrong one can be shown back with its message. */
    record OfferForm(List<Long> serviceIds, String answer, String followUp, String declineReason,
                     String deferredUntil, String contactId, String note, Long partnerId) {

        static OfferForm empty() {
            return new OfferForm(List.of(), null, null, null, null, null, null, null);
        }
    }

    @GetMapping("/businesses/{id}/needs/section")
    String section(@PathVariable long id, Model model) {
        profiles.eligibilityFacts(id);
        model.addAttribute("businessId", id);
        model.addAttribute("needs", demand.needsOf(id));
        model.addAttribute("zone", ZoneId.of(settings.timeZone()));
        return "demand/_section :: section";
    }

    @GetMapping("/businesses/{id}/needs")
    String page(@PathVariable long id, @RequestParam(required = false) Long contact,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        // A contact just logged opens this page with its id, so the offer or the reason is recorded for it.
        model.addAttribute("contactId", contact);
        return showNeedsPage(id, user, model, Map.of());
    }

    @PostMapping("/businesses/{id}/needs")
    String raise(@PathVariable long id, @RequestParam(name = "need", required = false) List<String> needCodes,
                 @RequestParam(required = false) Long partnerId, @AuthenticationPrincipal CurrentUser user,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<RaisedNeed> raised;
        try {
            raised = demand.raiseNeeds(id, needCodes, NeedSource.STAFF, RequestValues.partnerOf(user, partnerId),
                    user.id(), null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showNeedsPage(id, user, model, errors(e, Map.of()));
        }
        redirect.addFlashAttribute("notice", raisedNotice(raised));
        return "redirect:/businesses/" + id + "/needs";
    }

    @PostMapping("/businesses/{id}/no-offer")
    String noOffer(@PathVariable long id, @RequestParam(required = false) String noOfferReason,
                   @RequestParam(required = false) Long needId, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String contactId, @RequestParam(required = false) Long partnerId,
                   @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        profiles.eligibilityFacts(id);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            NoOfferReason reason = RequestValues.enumValue("noOfferReason", noOfferReason, NoOfferReason.class,
                    problems);
            Long contact = contactId("contactId", contactId, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Offer recorded = demand.recordNoOffer(id, new NoOffer(needId, reason, note, contact),
                    RequestValues.partnerOf(user, partnerId), user.id());
            redirect.addFlashAttribute("notice", "Recorded that no offer was made: "
                    + recorded.noOfferReason().label() + ".");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showNeedsPage(id, user, model, errors(e, Map.of("note", "no-offer-note",
                    "contactId", "no-offer-contact")));
        }
        return "redirect:/businesses/" + id + "/needs";
    }

    @GetMapping("/businesses/{id}/needs/{needId}/offer")
    String offerForm(@PathVariable long id, @PathVariable long needId, @RequestParam(required = false) Long contact,
                     @AuthenticationPrincipal CurrentUser user, Model model) {
        OfferForm form = contact == null ? OfferForm.empty()
                : new OfferForm(List.of(), null, null, null, null, contact.toString(), null, null);
        return showOfferPage(id, needId, user, form, model, Map.of());
    }

    @PostMapping("/businesses/{id}/needs/{needId}/offer")
    String recordOffer(@PathVariable long id, @PathVariable long needId, @ModelAttribute OfferForm form,
                       @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        Offer offer;
        try {
            List<FieldProblem> problems = new ArrayList<>();
            OfferAnswer answer = RequestValues.enumValue("answer", form.answer(), OfferAnswer.class, problems);
            FollowUp followUp = RequestValues.enumValue("followUp", form.followUp(), FollowUp.class, problems);
            var deferredUntil = RequestValues.date("deferredUntil", form.deferredUntil(), problems);
            Long contact = contactId("contactId", form.contactId(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            // Fields that belong to another answer stay filled in when staff change their choice, so only the fields of
            // the chosen answer are sent.
            offer = demand.recordOffer(id, new NewOffer(needId, form.serviceIds(), answer,
                    answer == OfferAnswer.ACCEPTED ? followUp : null,
                    answer == OfferAnswer.DECLINED ? RequestValues.blankToNull(form.declineReason()) : null,
                    answer == OfferAnswer.DEFERRED ? deferredUntil : null, contact, form.note()),
                    RequestValues.partnerOf(user, form.partnerId()), user.id());
        } catch (InvalidInputException e) {
            log.info("Rejected the offer form for need {} of business {}: {} invalid fields", needId, id,
                    e.problems().size());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showOfferPage(id, needId, user, form, model, errors(e, Map.of()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
            return "redirect:/businesses/" + id + "/needs";
        }
        Optional<Offer.OfferedService> referred = referredService(offer);
        if (referred.isPresent()) {
            // The layout shows pageAlert on every page, so the refer form confirms the offer too.
            redirect.addFlashAttribute("pageAlert", offerNotice(offer) + " Send the referral with this form.");
            return "redirect:" + UriComponentsBuilder.fromPath("/referrals/new")
                    .queryParam("business", id)
                    .queryParam("service", referred.get().serviceId())
                    .queryParam("needCode", offer.needCode())
                    .build().toUriString();
        }
        redirect.addFlashAttribute("notice", offerNotice(offer));
        if (offer.answer() == OfferAnswer.ACCEPTED) {
            redirect.addFlashAttribute("startNeed", offer.needCode());
        }
        return "redirect:/businesses/" + id + "/needs";
    }

    /**
     * Returns the service of another partner that an accepted offer with a referral follow-up starts with: the first
     * one offered, because the refer form sends one referral per service.
     */
    static Optional<Offer.OfferedService> referredService(Offer offer) {
        if (offer.answer() != OfferAnswer.ACCEPTED || offer.followUp() != FollowUp.REFERRAL) {
            return Optional.empty();
        }
        return offer.services().stream().filter(service -> service.partnerId() != offer.partnerId()).findFirst();
    }

    private String showNeedsPage(long id, CurrentUser user, Model model, Map<String, String> errors) {
        BusinessProfile business = profiles.read(id, null, null);
        model.addAttribute("business", business);
        List<BusinessNeed> needs = demand.needsOf(id);
        model.addAttribute("openNeeds", needs.stream().filter(BusinessNeed::open).toList());
        model.addAttribute("closedNeeds", needs.stream().filter(need -> !need.open()).toList());
        model.addAttribute("offers", demand.offersOf(id));
        model.addAttribute("needTypes", FactCatalog.NEEDS);
        model.addAttribute("needLabels", FactCatalog.NEEDS.stream()
                .collect(java.util.stream.Collectors.toMap(FactCatalog.Need::code, FactCatalog.Need::label)));
        model.addAttribute("noOfferReasons", NoOfferReason.values());
        model.addAttribute("choosePartner", user.partnerId() == null);
        model.addAttribute("partners", directory.partners());
        model.addAttribute("zone", ZoneId.of(settings.timeZone()));
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("contactId")) {
            model.addAttribute("contactId", null);
        }
        return "demand/needs";
    }

    private String showOfferPage(long id, long needId, CurrentUser user, OfferForm form, Model model,
                                 Map<String, String> errors) {
        BusinessProfile business = profiles.read(id, null, null);
        BusinessNeed need = demand.needsOf(id).stream()
                .filter(candidate -> candidate.id() == needId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Need " + needId + " is not a need of business " + id
                        + ". Open the business's needs page to find it."));
        // Services are matched in the area of the user's partner, or for an administrator without a partner in the
        // area of the partner that raised the need.
        long partnerId = user.partnerId() != null ? user.partnerId() : need.partnerId();
        model.addAttribute("business", business);
        model.addAttribute("need", need);
        model.addAttribute("services", need.open() ? demand.servicesForNeed(id, need.needCode(), partnerId)
                : List.of());
        model.addAttribute("form", form);
        model.addAttribute("answers", OfferAnswer.values());
        model.addAttribute("followUps", FollowUp.values());
        model.addAttribute("choosePartner", user.partnerId() == null);
        model.addAttribute("partners", directory.partners());
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("zone", ZoneId.of(settings.timeZone()));
        model.addAttribute("errors", errors);
        return "demand/offer";
    }

    private static Long contactId(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "Contact log id '" + value + "' is invalid. Give the whole number "
                    + "of the contact log entry, or leave it empty."));
            return null;
        }
    }

    /** Maps each problem to the id of its input, so the error summary links to it. Messages of one field are joined. */
    private static Map<String, String> errors(InvalidInputException e, Map<String, String> inputIds) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            errors.merge(inputIds.getOrDefault(problem.field(), problem.field()), problem.message(),
                    (first, second) -> first + " " + second);
        }
        return errors;
    }

    private static String raisedNotice(List<RaisedNeed> raised) {
        List<String> parts = new ArrayList<>();
        for (RaisedNeed need : raised) {
            String state = !need.created() ? "already open"
                    : need.unmetReason() == null ? "recorded, " + need.services().stream().filter(
                            service -> service.meetsNeed()).count() + " services can meet it"
                    : "recorded as unmet: " + need.unmetReason().label();
            parts.add(need.needLabel() + " (" + state + ")");
        }
        return "Needs: " + String.join("; ", parts) + ".";
    }

    private static String offerNotice(Offer offer) {
        String services = String.join(", ", offer.services().stream().map(Offer.OfferedService::name).toList());
        return switch (offer.answer()) {
            case ACCEPTED -> "Recorded the accepted offer of " + services + ". Next: " + offer.followUp().label()
                    .toLowerCase(java.util.Locale.ROOT) + ".";
            case DECLINED -> "Recorded that the business declined " + services + ".";
            case DEFERRED -> "Recorded the offer of " + services + ", deferred until " + offer.deferredUntil()
                    + ". The need stays open.";
        };
    }
}
