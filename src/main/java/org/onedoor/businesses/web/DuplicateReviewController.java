package org.onedoor.businesses.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.internal.merge.ContactJoiner;
import org.onedoor.businesses.internal.merge.DuplicateReviewService;
import org.onedoor.businesses.internal.merge.DuplicateScanJobs;
import org.onedoor.businesses.internal.merge.MergeService;
import org.onedoor.businesses.internal.merge.MergeUndoService;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
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

/** Pages of the duplicate review queue and of merging two businesses. */
@Controller
class DuplicateReviewController {

    private static final Logger log = LoggerFactory.getLogger(DuplicateReviewController.class);

    /** Labels of the other modules' tables whose rows a merge moves, for the list of merges. */
    static final Map<String, String> MOVED_TABLE_LABELS = Map.ofEntries(
            Map.entry("referral", "Referrals"),
            Map.entry("referral_waiting_list", "Waiting-list entries"),
            Map.entry("account_manager", "Account manager assignments"),
            Map.entry("business_concierge", "Concierge choice"),
            Map.entry("outreach_exclusion", "Campaign exclusions"),
            Map.entry("contact_log", "Contacts and planned visits"),
            Map.entry("coordination_request", "Coordination requests"),
            Map.entry("business_need", "Needs"),
            Map.entry("need_offer", "Offers"),
            Map.entry("unmet_need", "Unmet needs"),
            Map.entry("needs_assessment", "Needs assessments"),
            Map.entry("contact_request", "Requests to be contacted"));

    /** Labels of the shared fields a merge chooses between. */
    static final Map<String, String> FIELD_LABELS = Map.of("legal_name", "Legal name", "naics_code", "NAICS code",
            "website", "Website", "ownership_type", "Ownership type", "year_started", "Year started",
            "employee_band", "Employees");

    private final DuplicateReviewService review;
    private final DuplicateScanJobs scans;
    private final MergeService merges;
    private final MergeUndoService undoes;

    DuplicateReviewController(DuplicateReviewService review, DuplicateScanJobs scans, MergeService merges,
                              MergeUndoService undoes) {
        this.review = review;
        this.scans = scans;
        this.merges = merges;
        this.undoes = undoes;
    }

    @GetMapping("/businesses/duplicates")
    String queue(@RequestParam(name = "status", defaultValue = "OPEN") String status,
                 @RequestParam(name = "page", required = false) Integer page, Model model) {
        String shown = switch (status) {
            case "MERGED", "DISMISSED" -> status;
            default -> "OPEN";
        };
        model.addAttribute("status", shown);
        model.addAttribute("pairs", review.list(shown, PageRequest.of(page, 20)));
        model.addAttribute("scan", scans.latest(1).stream().findFirst().orElse(null));
        model.addAttribute("timeFormat", timeFormat());
        return "businesses/review/queue";
    }

    /** Starts a background scan of every business; the queue page then shows its progress. */
    @PostMapping("/businesses/duplicates/scan")
    String scan(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            DuplicateScanJobs.ScanJob job = scans.start(0, null, user.id());
            redirect.addFlashAttribute("pageAlert", "Started duplicate scan " + job.id() + ". New pairs appear in the "
                    + "queue as it runs.");
        } catch (ConflictException running) {
            log.info("Duplicate scan not started for user {}: another scan is queued or running", user.id());
            redirect.addFlashAttribute("pageAlert", "A duplicate scan is already running. Its progress is shown "
                    + "below; start a new scan after it finishes.");
        }
        return "redirect:/businesses/duplicates";
    }

    /** Renders the scan progress fragment, which htmx reloads while a scan is queued or running. */
    @GetMapping("/businesses/duplicates/scan-progress")
    String scanProgress(Model model) {
        model.addAttribute("scan", scans.latest(1).stream().findFirst().orElse(null));
        model.addAttribute("timeFormat", timeFormat());
        return "businesses/review/_scan-progress :: progress";
    }

    @PostMapping("/businesses/duplicates/{pairId}/dismiss")
    String dismiss(@PathVariable long pairId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        DuplicateReviewService.Pair pair = review.dismiss(pairId, user.id());
        redirect.addFlashAttribute("pageAlert", "Dismissed the pair " + pair.lowerName() + " and " + pair.higherName()
                + ". Later scans will not propose it again.");
        return "redirect:/businesses/duplicates";
    }

    @GetMapping("/businesses/{survivorId}/merge/{otherId}")
    String mergePage(@PathVariable long survivorId, @PathVariable long otherId, Model model) {
        return show(survivorId, otherId, model, Map.of(), Map.of(), Set.of(), null);
    }

    @PostMapping("/businesses/{survivorId}/merge/{otherId}")
    String merge(@PathVariable long survivorId, @PathVariable long otherId, @RequestParam Map<String, String> form,
                 @RequestParam(name = "contact-pairs-joined", required = false) List<String> joinedContacts,
                 @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String field : MergeService.CHOSEN_FIELDS) {
            String choice = form.get("choice-" + field);
            if (choice != null && !choice.isBlank()) {
                choices.put(field, choice);
            }
        }
        Set<Long> keptSeparate = uncheckedContacts(form.get("contact-pairs-shown"), joinedContacts);
        try {
            MergeService.Result result = merges.merge(survivorId, otherId, choices, keptSeparate, user.id());
            redirect.addFlashAttribute("pageAlert", "Merged business " + otherId + " into this business as merge "
                    + result.mergeId() + ": moved " + result.movedRows().get("establishment") + " establishments, "
                    + result.movedRows().get("business_contact") + " contacts, "
                    + result.movedRows().get("business_trade_name") + " trade names and "
                    + result.movedRows().get("business_source_record") + " source records, and joined "
                    + result.movedRows().get("joined_contacts") + " pairs of contacts that are the same person."
                    + otherModuleSummary(result.movedRows()));
            return "redirect:/businesses/" + survivorId;
        } catch (InvalidInputException invalid) {
            log.debug("Merge of business {} into {} rejected: {} invalid choices", otherId, survivorId,
                    invalid.problems().size());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.put(problem.field().replace("choices.", ""),
                    problem.message()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(survivorId, otherId, model, errors, choices, keptSeparate, null);
        } catch (ConflictException conflict) {
            log.info("Merge of business {} into {} rejected as a conflict", otherId, survivorId);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(survivorId, otherId, model, Map.of(), choices, keptSeparate, conflict.getMessage());
        }
    }

    @GetMapping("/businesses/{survivorId}/merges")
    String merges(@PathVariable long survivorId, Model model) {
        model.addAttribute("survivor", merges.compare(survivorId, survivorId));
        model.addAttribute("merges", undoes.mergesInto(survivorId));
        model.addAttribute("otherModuleCounts", undoes.otherModuleCounts(survivorId));
        model.addAttribute("tableLabels", MOVED_TABLE_LABELS);
        model.addAttribute("timeFormat", timeFormat());
        return "businesses/review/merges";
    }

    @PostMapping("/businesses/merges/{mergeId}/undo")
    String undo(@PathVariable long mergeId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        MergeUndoService.MergeSummary undone = undoes.undo(mergeId, user.id());
        redirect.addFlashAttribute("pageAlert", "Undid merge " + mergeId + ": " + undone.otherName() + " (business "
                + undone.otherId() + ") is a separate business again.");
        return "redirect:/businesses/" + undone.survivorId() + "/merges";
    }

    /** Returns a sentence naming how many rows of each other module's table the merge moved, or an empty string. */
    private static String otherModuleSummary(Map<String, Integer> movedRows) {
        List<String> parts = movedRows.entrySet().stream()
                .filter(entry -> MOVED_TABLE_LABELS.containsKey(entry.getKey()))
                .map(entry -> MOVED_TABLE_LABELS.get(entry.getKey()).toLowerCase(Locale.US) + ": " + entry.getValue())
                .toList();
        return parts.isEmpty() ? "" : " It also moved " + String.join(", ", parts) + ".";
    }

    /**
     * Returns the contacts whose pair checkbox was cleared. The form lists every pair it showed in
     * "contact-pairs-shown", so a pair that the page never showed is not kept separate by accident.
     */
    private static Set<Long> uncheckedContacts(String shownIds, List<String> checkedIds) {
        Set<Long> unchecked = new HashSet<>();
        if (shownIds != null) {
            for (String id : shownIds.split(",")) {
                if (id.strip().matches("[0-9]{1,18}")) {
                    unchecked.add(Long.parseLong(id.strip()));
                }
            }
        }
        if (checkedIds != null) {
            checkedIds.stream().filter(id -> id.strip().matches("[0-9]{1,18}"))
                    .forEach(id -> unchecked.remove(Long.parseLong(id.strip())));
        }
        return unchecked;
    }

    private String show(long survivorId, long otherId, Model model, Map<String, String> errors,
                        Map<String, String> choices, Set<Long> keptSeparate, String conflict) {
        List<ContactJoiner.ContactPair> pairs = merges.contactPairs(survivorId, otherId);
        model.addAttribute("contactPairs", pairs);
        model.addAttribute("contactPairsShown", String.join(",",
                pairs.stream().map(pair -> String.valueOf(pair.joinedId())).toList()));
        model.addAttribute("keptSeparate", keptSeparate);
        model.addAttribute("comparison", merges.compare(survivorId, otherId));
        model.addAttribute("movePreview", merges.preview(survivorId, otherId));
        model.addAttribute("labels", FIELD_LABELS);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", choices);
        model.addAttribute("conflict", conflict);
        return "businesses/review/merge";
    }

    // NOTE: times show in the server's zone, as on the business pages.
    private static DateTimeFormatter timeFormat() {
        return DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US).withZone(ZoneId.systemDefault());
    }
}
