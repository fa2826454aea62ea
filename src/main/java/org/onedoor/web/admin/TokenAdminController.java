package org.onedoor.web.admin;

import java.util.List;
import java.util.Map;

import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.IssuedToken;
import org.onedoor.identity.PartnerTokens;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * API tokens for partner systems. A partner administrator manages the tokens of their own partner; an
 * administrator picks the partner first. A new token is shown once, in the response to the form that issued it,
 * and never again, so it is not put into a redirect or the session.
 */
@Controller
class TokenAdminController {

    private static final Logger log = LoggerFactory.getLogger(TokenAdminController.class);

    private final PartnerTokens tokens;
    private final Directory directory;

    TokenAdminController(PartnerTokens tokens, Directory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @GetMapping("/admin/tokens")
    String tokens(@AuthenticationPrincipal CurrentUser user,
                  @RequestParam(name = "partner", required = false) Long partnerId, Model model) {
        return show(user, scope(user, partnerId), model, null, Map.of(), "");
    }

    @PostMapping("/admin/tokens")
    String issue(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "partner") long partnerId,
                 @RequestParam(name = "name", required = false) String name, Model model,
                 HttpServletResponse response) {
        Long partner = scope(user, partnerId);
        try {
            IssuedToken issued = tokens.issue(user, partner, name);
            return show(user, partner, model, issued, Map.of(), "");
        } catch (InvalidInputException e) {
            log.info("Rejected a new API token for partner {}: {}", partner, e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(user, partner, model, null, Map.of("name", e.getMessage()), name);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            long partnerId = tokens.revoke(user, id);
            redirect.addFlashAttribute("success", "Revoked the token. Systems that send it now get 401 Unauthorized.");
            return "redirect:/admin/tokens?partner=" + partnerId;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("success", e.getMessage());
            return "redirect:/admin/tokens";
        }
    }

    /** Returns the partner whose tokens the page shows: the user's own, or for administrators the one chosen. */
    private Long scope(CurrentUser user, Long requested) {
        if (!user.isAdministrator()) {
            return user.partnerId();
        }
        if (requested == null) {
            return null;
        }
        directory.findPartner(requested).orElseThrow(() -> NotFoundException.of("Partner", requested));
        return requested;
    }

    private String show(CurrentUser user, Long partnerId, Model model, IssuedToken issued, Map<String, String> errors,
                        String name) {
        List<PartnerSummary> partners = user.isAdministrator() ? directory.partners() : List.of();
        model.addAttribute("partners", partners);
        model.addAttribute("partner", partnerId == null ? null : directory.findPartner(partnerId).orElseThrow());
        model.addAttribute("tokens", partnerId == null ? List.of() : tokens.list(user, partnerId));
        model.addAttribute("issued", issued);
        model.addAttribute("errors", errors);
        model.addAttribute("name", name == null ? "" : name);
        return "admin/tokens";
    }
}
