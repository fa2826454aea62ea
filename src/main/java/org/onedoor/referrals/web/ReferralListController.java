package org.onedoor.referrals.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralRejectedException;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.referrals.Referrals;
import org.onedoor.referrals.internal.StatusFlow;
import org.onedoor.referrals.internal.WaitingList;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The referral lists: the receiving partner's inbox with accept and decline in the row, the sender's open
 * referrals, the search over all referrals, and the referrals section of the business page.
 */
@Controller
class ReferralListController {

    private static final Logger log = LoggerFactory.getLogger(ReferralListController.class);

    private final Referrals referrals;
    private final WaitingList waitingList;
    private final ReferralTimeLimits timeLimits;

    ReferralListController(Referrals referrals, WaitingList waitingList, ReferralTimeLimits timeLimits) {
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.timeLimits = timeLimits;
    }

    @GetMapping("/referrals/inbox")
    String inbox(@AuthenticationPrincipal CurrentUser user, Model model) {
        java.util.List<Referral> inbox = user.partnerId() == null ? java.util.List.of()
                : referrals.inbox(user.partnerId());
        model.addAttribute("referrals", inbox);
        model.addAttribute("respondBy", timeLimits.responses(inbox, user));
        model.addAttribute("waiting", user.partnerId() == null ? java.util.List.of()
                : waitingList.ofPartner(user.partnerId()));
        model.addAttribute("hasPartner", user.partnerId() != null);
        model.addAttribute("declineReasons", StatusFlow.REASONS.get(ReferralStatus.REJECTED));
        model.addAttribute("text", new ReferralText());
        return "referrals/inbox";
    }

    /**
     * Accepts, receives or declines a referral from its inbox row. An htmx request gets the row back in its new
     * state; a plain form post returns to the inbox.
     */
    @PostMapping("/referrals/inbox/{id:[0-9]+}/status")
    String changeFromInbox(@PathVariable long id, @RequestParam Map<String, String> form,
                           @RequestHeader(name = "HX-Request", required = false) String htmx,
                           @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        String message;
        try {
            ReferralStatus to = StatusFlow.parse(form.get("status")).orElseThrow(() -> new InvalidInputException(
                    "status", "Status '" + form.get("status") + "' is unknown. Use the buttons in the row."));
            Referral changed = referrals.changeStatus(id, to, form.get("reasonCode"), form.get("reasonText"), null,
                    user);
            message = "Referral " + id + " is now " + new ReferralText().status(changed.status())
                    .toLowerCase(java.util.Locale.ROOT) + ".";
        } catch (InvalidInputException e) {
            log.info("Inbox change of referral {} to {} rejected: {} invalid values", id, form.get("status"),
                    e.problems().size());
            message = String.join(" ", e.problems().stream().map(InvalidInputException.FieldProblem::message).toList());
        } catch (ReferralRejectedException e) {
            log.info("Inbox change of referral {} to {} rejected with {}", id, form.get("status"), e.code());
            message = e.getMessage();
        }
        if (htmx == null) {
            redirect.addFlashAttribute("pageAlert", message);
            return "redirect:/referrals/inbox";
        }
        Referral referral = referrals.find(id, user).orElseThrow(() -> NotFoundException.of("Referral", id));
        model.addAttribute("referral", referral);
        model.addAttribute("respondBy", timeLimits.responses(java.util.List.of(referral), user));
        model.addAttribute("rowMessage", message);
        model.addAttribute("declineReasons", StatusFlow.REASONS.get(ReferralStatus.REJECTED));
        model.addAttribute("text", new ReferralText());
        return "referrals/_inbox-row :: row";
    }

    @GetMapping("/referrals/sent")
    String sent(@AuthenticationPrincipal CurrentUser user, Model model) {
        java.util.List<Referral> sent = user.partnerId() == null ? java.util.List.of()
                : referrals.sent(user.partnerId());
        model.addAttribute("referrals", sent);
        model.addAttribute("respondBy", timeLimits.responses(sent, user));
        model.addAttribute("hasPartner", user.partnerId() != null);
        model.addAttribute("text", new ReferralText());
        return "referrals/sent";
    }

    @GetMapping("/referrals")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user,
                  Model model) {
        ReferralStatus wanted = ReferralApiController.parseStatusFilter(status);
        ResultPage<Referral> results = referrals.search(q, wanted, PageRequest.of(page, null), user);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", wanted == null ? "" : wanted.fhirCode());
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("results", results);
        model.addAttribute("previousUrl", results.hasPrevious() ? url(q, wanted, results.page() - 1) : null);
        model.addAttribute("nextUrl", results.hasNext() ? url(q, wanted, results.page() + 1) : null);
        model.addAttribute("text", new ReferralText());
        return "referrals/search";
    }

    /** Returns the referrals section of the business page, which loads it with htmx. */
    @GetMapping("/businesses/{id:[0-9]+}/referrals")
    String ofBusiness(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("businessId", id);
        model.addAttribute("referrals", referrals.ofBusiness(id, user));
        model.addAttribute("text", new ReferralText());
        return "referrals/_business :: referrals";
    }

    private static String url(String q, ReferralStatus status, int page) {
        Map<String, Object> params = new LinkedHashMap<>();
        return UriComponentsBuilder.fromPath("/referrals")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(value -> !value.isBlank()))
                .queryParamIfPresent("status", Optional.ofNullable(status).map(ReferralStatus::fhirCode))
                .queryParamIfPresent("page", page > 0 ? Optional.of(page) : Optional.empty())
                .buildAndExpand(params)
                .encode()
                .toUriString();
    }
}
