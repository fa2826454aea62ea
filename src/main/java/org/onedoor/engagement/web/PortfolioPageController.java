package org.onedoor.engagement.web;

import java.util.List;

import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationRequest;
import org.onedoor.engagement.internal.Coordination;
import org.onedoor.engagement.internal.Coordination.Decision;
import org.onedoor.engagement.internal.Portfolio;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff member's portfolio page, and the account manager's decisions on coordination requests. */
@Controller
class PortfolioPageController {

    private final Portfolio portfolio;
    private final Coordination coordination;

    PortfolioPageController(Portfolio portfolio, Coordination coordination) {
        this.portfolio = portfolio;
        this.coordination = coordination;
    }

    /** A pending request with the manager's own planned contacts it can be combined with. */
    record PendingRequest(CoordinationRequest request, List<ContactEntry> ownPlanned) {
    }

    @GetMapping("/portfolio")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        Portfolio.View view = portfolio.of(user);
        List<ContactEntry> due = view.dueFollowUps();
        model.addAttribute("view", view);
        model.addAttribute("requests", view.pendingRequests().stream()
                .map(request -> new PendingRequest(request, portfolio.plannedByManager(request.businessId(), user)))
                .toList());
        model.addAttribute("dueFollowUps", due);
        model.addAttribute("planned", ContactStatus.PLANNED);
        return "engagement/portfolio";
    }

    @PostMapping("/coordination-requests/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(name = "decision", required = false) String decision,
                  @RequestParam(name = "note", required = false) String note,
                  @RequestParam(name = "combineWithContactId", required = false) Long combineWith,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Decision parsed;
        try {
            parsed = Decision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("decision", "Decision '" + decision + "' is invalid. Choose accept, "
                    + "combine or decline.");
        }
        try {
            CoordinationRequest decided = coordination.decide(id, parsed, note, combineWith, user);
            redirect.addFlashAttribute("pageAlert", "The request of " + decided.requestedByName() + " for "
                    + decided.businessName() + " is " + decided.status().toLowerCase(java.util.Locale.ROOT) + ".");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("pageAlert", invalid.getMessage());
        }
        return "redirect:/portfolio#coordination-requests";
    }
}
