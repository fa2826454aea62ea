package org.onedoor.referrals.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceSummary;
import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.AccountManagerLookup;
import org.onedoor.referrals.QualityStandard;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralRejectedException;
import org.onedoor.referrals.Referrals;
import org.onedoor.referrals.SendRequest;
import org.onedoor.referrals.internal.Alternatives;
import org.onedoor.referrals.internal.QualityCheck;
import org.onedoor.referrals.internal.WaitingList;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The refer form, reached from the "Refer" action of the services panel. It requests only the elements the
 * receiving area requires and shows what the profile already records as answered. A rejected send is shown in
 * place: the missing elements next to their fields, failed rules, missing facts, the active referral with a
 * hand-off choice, or the waiting list and other services when the service is full.
 */
@Controller
class ReferFormController {

    private static final Logger log = LoggerFactory.getLogger(ReferFormController.class);

    private final Referrals referrals;
    private final Directory directory;
    private final Eligibility eligibility;
    private final BusinessProfileService profiles;
    private final QualityCheck quality;
    private final Alternatives alternatives;
    private final WaitingList waitingList;
    private final ObjectProvider<AccountManagerLookup> accountManagers;

    ReferFormController(Referrals referrals, Directory directory, Eligibility eligibility,
                        BusinessProfileService profiles, QualityCheck quality, Alternatives alternatives,
                        WaitingList waitingList, ObjectProvider<AccountManagerLookup> accountManagers) {
        this.referrals = referrals;
        this.directory = directory;
        this.eligibility = eligibility;
        this.profiles = profiles;
        this.quality = quality;
        this.alternatives = alternatives;
        this.waitingList = waitingList;
        this.accountManagers = accountManagers;
    }

    @GetMapping("/referrals/new")
    String form(@RequestParam long business, @RequestParam long service,
                @RequestParam(required = false) String needCode, Model model) {
        // An accepted offer opens the form with the need it met already chosen.
        Map<String, String> prefilled = needCode == null || needCode.isBlank() ? Map.of()
                : Map.of("needCode", needCode.strip());
        return show(model, business, service, prefilled, Map.of(), null);
    }

    @PostMapping("/referrals/new")
    String send(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        long businessId = requiredId(form, "business");
        long serviceId = requiredId(form, "service");
        try {
            Referral referral = referrals.send(request(form, businessId, serviceId), user);
            redirect.addFlashAttribute("pageAlert", "Sent the referral of " + referral.businessName() + " to "
                    + referral.serviceName() + " at " + referral.receivingPartnerName() + ". It holds one unit.");
            return "redirect:/referrals/" + referral.id();
        } catch (InvalidInputException e) {
            log.info("Refer form of business {} to service {} rejected: {} invalid values", businessId, serviceId,
                    e.problems().size());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            return show(model, businessId, serviceId, form, errors, null);
        } catch (ReferralRejectedException e) {
            log.info("Refer form of business {} to service {} rejected with {}", businessId, serviceId, e.code());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(model, businessId, serviceId, form, missingErrors(e), e);
        }
    }

    @PostMapping("/referrals/waiting-list")
    String addToWaitingList(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
                            RedirectAttributes redirect) {
        long businessId = requiredId(form, "business");
        long serviceId = requiredId(form, "service");
        try {
            var entry = waitingList.add(businessId, serviceId, form.get("needCode"), form.get("note"), user);
            redirect.addFlashAttribute("pageAlert", "Added " + entry.businessName() + " to the waiting list of "
                    + entry.serviceName() + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("pageAlert", e.getMessage());
        }
        return "redirect:/businesses/" + businessId + "#referrals";
    }

    private String show(Model model, long businessId, long serviceId, Map<String, String> entered,
                        Map<String, String> errors, ReferralRejectedException rejection) {
        ServiceSummary service = directory.findService(serviceId)
                .orElseThrow(() -> NotFoundException.of("Service", serviceId));
        long areaId = directory.findPartner(service.partnerId()).orElseThrow().areaId();
        QualityStandard standard = referrals.standard(areaId);
        List<QualityCheck.KnownContact> contacts = quality.contactsOf(businessId);
        QualityCheck.KnownContact knownContact = contacts.isEmpty() || contacts.get(0).preferredMethod() == null
                ? null : contacts.get(0);

        model.addAttribute("business", profiles.read(businessId, null, null));
        model.addAttribute("service", service);
        model.addAttribute("capacity", directory.capacity(serviceId));
        model.addAttribute("eligibility", eligibility.evaluate(businessId, serviceId));
        model.addAttribute("standard", standard);
        model.addAttribute("contacts", contacts);
        model.addAttribute("knownContact", knownContact);
        model.addAttribute("methods", List.of("EMAIL", "PHONE", "TEXT", "MAIL", "IN_PERSON"));
        model.addAttribute("needs", FactCatalog.NEEDS.stream()
                .filter(need -> need.categoryCodes().contains(service.categoryCode())).toList());
        model.addAttribute("offices", quality.officesOf(service.partnerId()));
        model.addAttribute("staff", quality.staffOf(service.partnerId()));
        model.addAttribute("accountManager", ReferralPageController.accountManager(accountManagers, businessId));
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("rejection", rejection);
        model.addAttribute("text", new ReferralText());
        model.addAttribute("earliestDate", LocalDate.now(java.time.ZoneId.of(service.officeTimeZone())));
        boolean full = rejection != null && List.of("no_capacity", "capacity_stale").contains(rejection.code());
        model.addAttribute("alternatives", full ? alternatives.to(businessId, serviceId,
                blankToNull(entered.get("needCode")) == null ? firstNeed(service) : entered.get("needCode"), 3)
                : List.of());
        return "referrals/new";
    }

    private static String firstNeed(ServiceSummary service) {
        return FactCatalog.NEEDS.stream()
                .filter(need -> need.categoryCodes().contains(service.categoryCode()))
                .map(FactCatalog.Need::code)
                .findFirst()
                .orElse("");
    }

    /** Puts the message of each missing element next to the field that gives it. */
    private static Map<String, String> missingErrors(ReferralRejectedException rejection) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rejection.code().equals("incomplete") && rejection.details().get("missing") instanceof List<?> missing) {
            for (Object item : missing) {
                if (item instanceof Map<?, ?> entry) {
                    errors.put(String.valueOf(entry.get("element")), QualityStandard.label(
                            String.valueOf(entry.get("element"))) + " is required by the area's quality standard.");
                }
            }
        }
        return errors;
    }

    private static SendRequest request(Map<String, String> form, long businessId, long serviceId) {
        return new SendRequest(businessId, serviceId, blankToNull(form.get("needCode")), optionalId(form, "contactId"),
                blankToNull(form.get("contactMethod")), "yes".equals(form.get("consentGiven")),
                optionalId(form, "receivingOfficeId"), optionalId(form, "receivingUserId"),
                blankToNull(form.get("handOffNote")), date(form.get("expectedFirstContactDate")),
                optionalId(form, "handOffFromReferralId"));
    }

    private static LocalDate date(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expectedFirstContactDate", "Date '" + value
                    + "' is invalid. Enter it as YYYY-MM-DD, such as 2026-12-14.");
        }
    }

    private static long requiredId(Map<String, String> form, String name) {
        Long id = optionalId(form, name);
        if (id == null) {
            throw new InvalidInputException(name, "The " + name + " id is missing. Open the refer form from the "
                    + "services panel of a business.");
        }
        return id;
    }

    private static Long optionalId(Map<String, String> form, String name) {
        String value = blankToNull(form.get(name));
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "Value '" + value + "' of " + name + " is invalid. Expected a "
                    + "whole number.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
