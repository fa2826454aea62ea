package org.onedoor.businesses.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.onedoor.businesses.internal.merge.EstablishmentMergeService;
import org.onedoor.businesses.internal.merge.MergeService;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The page that moves one establishment into a business or joins two of its establishments, with undo. */
@Controller
class EstablishmentMergeController {

    private static final Logger log = LoggerFactory.getLogger(EstablishmentMergeController.class);

    private final EstablishmentMergeService establishments;
    private final MergeService merges;

    EstablishmentMergeController(EstablishmentMergeService establishments, MergeService merges) {
        this.establishments = establishments;
        this.merges = merges;
    }

    @GetMapping("/businesses/{businessId}/establishments/merge")
    String page(@PathVariable long businessId, Model model) {
        return show(businessId, model, Map.of(), "", "", null);
    }

    @PostMapping("/businesses/{businessId}/establishments/merge")
    String merge(@PathVariable long businessId,
                 @RequestParam(name = "establishmentId", defaultValue = "") String establishmentId,
                 @RequestParam(name = "intoEstablishmentId", defaultValue = "") String intoEstablishmentId,
                 @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long establishment = id(establishmentId, "establishmentId", errors);
        Long into = intoEstablishmentId.isBlank() ? null : id(intoEstablishmentId, "intoEstablishmentId", errors);
        if (establishment == null && !errors.containsKey("establishmentId")) {
            errors.put("establishmentId", "Establishment id is missing. Enter the id of the establishment to move "
                    + "here or to join.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(businessId, model, errors, establishmentId, intoEstablishmentId, null);
        }
        try {
            EstablishmentMergeService.EstablishmentMerge merge = establishments.merge(businessId, establishment, into,
                    user.id());
            redirect.addFlashAttribute("pageAlert", merge.kind().equals("MOVE")
                    ? "Moved establishment " + establishment + " from business " + merge.fromBusinessId()
                    + " into this business as establishment merge " + merge.id() + "."
                    : "Joined establishment " + establishment + " into establishment " + into
                    + " as establishment merge " + merge.id() + ".");
            return "redirect:/businesses/" + businessId + "/establishments/merge";
        } catch (InvalidInputException invalid) {
            log.debug("Establishment merge into business {} rejected: {} problems", businessId,
                    invalid.problems().size());
            invalid.problems().forEach(problem -> errors.put(problem.field(), problem.message()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(businessId, model, errors, establishmentId, intoEstablishmentId, null);
        } catch (ConflictException conflict) {
            log.info("Establishment merge into business {} rejected as a conflict", businessId);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(businessId, model, errors, establishmentId, intoEstablishmentId, conflict.getMessage());
        }
    }

    @PostMapping("/businesses/{businessId}/establishment-merges/{mergeId}/undo")
    String undo(@PathVariable long businessId, @PathVariable long mergeId, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes redirect) {
        try {
            establishments.undo(mergeId, user.id());
            redirect.addFlashAttribute("pageAlert", "Undid establishment merge " + mergeId + ".");
        } catch (ConflictException conflict) {
            log.info("Undo of establishment merge {} rejected as a conflict", mergeId);
            redirect.addFlashAttribute("pageAlert", conflict.getMessage());
        }
        return "redirect:/businesses/" + businessId + "/establishments/merge";
    }

    private static Long id(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException invalid) {
            errors.put(field, "Establishment id '" + text + "' is invalid. Enter the number shown in the "
                    + "establishment list, such as 12.");
            return null;
        }
    }

    private String show(long businessId, Model model, Map<String, String> errors, String establishmentId,
                        String intoEstablishmentId, String conflict) {
        model.addAttribute("business", merges.compare(businessId, businessId));
        model.addAttribute("establishments", establishments.establishmentsOf(businessId));
        model.addAttribute("merges", establishments.mergesOf(businessId));
        model.addAttribute("errors", errors);
        model.addAttribute("establishmentId", establishmentId);
        model.addAttribute("intoEstablishmentId", intoEstablishmentId);
        model.addAttribute("conflict", conflict);
        model.addAttribute("timeFormat", DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US)
                .withZone(ZoneId.systemDefault()));
        return "businesses/review/establishment-merge";
    }
}
