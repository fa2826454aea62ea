package org.onedoor.referrals.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.AccountManagerLookup;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralAccountManager;
import org.onedoor.referrals.ReferralRejectedException;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.referrals.Referrals;
import org.onedoor.referrals.internal.StatusFlow;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The referral page: details, the timeline, and the actions the current status allows for the reader. */
@Controller
class ReferralPageController {

    private static final Logger log = LoggerFactory.getLogger(ReferralPageController.class);

    private final Referrals referrals;
    private final ReferralTimeLimits timeLimits;
    private final ObjectProvider<AccountManagerLookup> accountManagers;

    ReferralPageController(Referrals referrals, ReferralTimeLimits timeLimits,
                           ObjectProvider<AccountManagerLookup> accountManagers) {
        this.referrals = referrals;
        this.timeLimits = timeLimits;
        this.accountManagers = accountManagers;
    }

    @GetMapping("/referrals/{id:[0-9]+}")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return show(id, user, model, Map.of(), null, Map.of());
    }

    @PostMapping("/referrals/{id:[0-9]+}/status")
    String changeStatus(@PathVariable long id, @RequestParam Map<String, String> form,
                        @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        String status = form.get("status");
        try {
            ReferralStatus to = StatusFlow.parse(status).orElseThrow(() -> new InvalidInputException("status",
                    "Status '" + status + "' is unknown. Use one of the buttons on this page."));
            Referral changed = referrals.changeStatus(id, to, form.get("reasonCode"), form.get("reasonText"),
                    form.get("outcome"), user);
            redirect.addFlashAttribute("pageAlert", "Referral " + id + " is now " + new ReferralText()
                    .status(changed.status()).toLowerCase(java.util.Locale.ROOT) + ".");
            return "redirect:/referrals/" + id;
        } catch (InvalidInputException e) {
            log.info("Status change of referral {} to {} rejected: {} invalid values", id, status, e.problems().size());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            return show(id, user, model, errors, null, Map.of("status", status == null ? "" : status));
        } catch (ReferralRejectedException e) {
            log.info("Status change of referral {} to {} rejected with {}", id, status, e.code());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(id, user, model, Map.of(), e.getMessage(), Map.of());
        }
    }

    @PostMapping("/referrals/{id:[0-9]+}/first-contact")
    String recordFirstContact(@PathVariable long id, @RequestParam(required = false) String note,
                              @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        try {
            referrals.recordFirstContact(id, Instant.now(), note, user);
            redirect.addFlashAttribute("pageAlert", "Recorded the first contact of referral " + id + ".");
            return "redirect:/referrals/" + id;
        } catch (InvalidInputException e) {
            log.info("First contact of referral {} rejected: {}", id, e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(id, user, model, Map.of("note", e.getMessage()), null, Map.of("status", "first-contact"));
        } catch (ReferralRejectedException e) {
            log.info("First contact of referral {} rejected with {}", id, e.code());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(id, user, model, Map.of(), e.getMessage(), Map.of());
        }
    }

    /** Returns the business's account manager and concierge choice, or null when it has neither. */
    static ReferralAccountManager accountManager(ObjectProvider<AccountManagerLookup> lookup, long businessId) {
        AccountManagerLookup found = lookup.getIfAvailable();
        return found == null ? null : found.find(businessId).orElse(null);
    }

    private String show(long id, CurrentUser user, Model model, Map<String, String> errors, String conflict,
                        Map<String, String> entered) {
        Referral referral = referrals.find(id, user).orElseThrow(() -> NotFoundException.of("Referral", id));
        model.addAttribute("referral", referral);
        model.addAttribute("history", referrals.history(id, user));
        model.addAttribute("actions", ReferralActions.of(referral, user));
        model.addAttribute("mayRecordFirstContact", ReferralActions.mayRecordFirstContact(referral, user));
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("entered", entered);
        model.addAttribute("text", new ReferralText());
        model.addAttribute("timeLimits", timeLimits.of(id, user));
        model.addAttribute("readerZone", timeLimits.readerZone(user).getId());
        model.addAttribute("accountManager", accountManager(accountManagers, referral.businessId()));
        return "referrals/show";
    }
}
