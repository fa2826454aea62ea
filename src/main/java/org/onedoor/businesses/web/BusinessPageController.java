package org.onedoor.businesses.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.businesses.BusinessMatch;
import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.businesses.BusinessProfileService.MissingFact;
import org.onedoor.businesses.BusinessProfileService.NewContact;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.PartnerFields;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The business search page, its CSV download, and the business page with its forms: missing facts, corrections,
 * contacts and partner fields. The JSON API is BusinessApiController.
 */
@Controller
class BusinessPageController {

    private static final Logger log = LoggerFactory.getLogger(BusinessPageController.class);
    static final String PAGE_SOURCE = "OneDoor business page";
    private static final String PARTNER_FIELD_PREFIX = "partnerFields.";

    // Maximum rows in one CSV download. A larger result list is cut here, and its last row states the cut.
    static final int MAX_CSV_ROWS = 50_000;

    private final BusinessSearch search;
    private final BusinessProfileService profiles;
    private final PartnerFields partnerFields;
    private final DuplicateCheck duplicateCheck;

    BusinessPageController(BusinessSearch search, BusinessProfileService profiles, PartnerFields partnerFields,
                           DuplicateCheck duplicateCheck) {
        this.search = search;
        this.profiles = profiles;
        this.partnerFields = partnerFields;
        this.duplicateCheck = duplicateCheck;
    }

    @GetMapping("/businesses")
    String list(@RequestParam(name = "q", required = false) String query,
                @RequestParam(name = "page", required = false) Integer page,
                @RequestParam(name = "size", required = false) Integer size, Model model) {
        ResultPage<BusinessMatch> results = search.search(query, PageRequest.of(page, size));

        model.addAttribute("query", query == null ? "" : query.strip());
        model.addAttribute("results", results);
        return "businesses/list";
    }

    @GetMapping("/businesses.csv")
    void download(@RequestParam(name = "q", required = false) String query, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"businesses.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());

        Writer writer = response.getWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder()
                .setHeader("id", "legal_name", "trade_names", "fein", "address", "phone", "match_reason")
                .get()
                .print(writer)) {
            int written = 0;
            for (int page = 0; ; page++) {
                ResultPage<BusinessMatch> results = search.search(query, new PageRequest(page, PageRequest.MAX_SIZE));
                for (BusinessMatch match : results.items()) {
                    if (written == MAX_CSV_ROWS) {
                        csv.printRecord("", "List cut at " + MAX_CSV_ROWS + " of " + results.total()
                                + " businesses. Narrow the search to download the rest.", "", "", "", "", "");
                        return;
                    }
                    csv.printRecord(match.id(), match.legalName(), String.join("; ", match.tradeNames()),
                            match.fein(), match.address(), match.phone(), match.reason());
                    written++;
                }
                if (!results.hasNext()) {
                    return;
                }
            }
        }
    }

    @GetMapping("/businesses/{id}")
    String detail(@PathVariable long id, @RequestParam(name = "correct", required = false) String correct,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        return show(id, correct, user, model, Map.of(), Map.of());
    }

    /**
     * Saves the values entered for missing facts. A blank input leaves its fact missing, and a posted field that is not
     * missing is ignored, so this form never changes a known fact.
     */
    @PostMapping("/businesses/{id}/facts")
    String answerMissingFacts(@PathVariable long id, @RequestParam Map<String, String> firstValues,
                              @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                              HttpServletRequest request, HttpServletResponse response) {
        // Hiring needs come as one checkbox each, so all their values are joined; a blank list stays "not answered".
        Map<String, String> form = new LinkedHashMap<>(firstValues);
        String[] hiringNeeds = request.getParameterValues("hiringNeeds");
        if (hiringNeeds != null) {
            form.put("hiringNeeds", String.join(",", hiringNeeds));
        }
        Set<String> missingFields = profiles.missingFacts(id, user).stream().map(MissingFact::field).collect(Collectors.toSet());
        Map<String, Object> patch = new LinkedHashMap<>();
        Map<Long, String> fieldValues = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (!missingFields.contains(name) || value == null || value.isBlank()) {
                return;
            }
            if (name.startsWith(PARTNER_FIELD_PREFIX)) {
                fieldValues.put(Long.parseLong(name.substring(PARTNER_FIELD_PREFIX.length())), value);
            } else {
                put(patch, name, value);
            }
        });

        // NOTE: profile facts and partner fields are saved one after the other, so a rejected partner field value
        // leaves the profile values of the same form saved. The page then lists only what is still missing.
        Map<String, String> errors = new LinkedHashMap<>();
        int changed = 0;
        try {
            changed += profiles.update(id, patch, Editor.staff(user, PAGE_SOURCE)).changedFields().size();
        } catch (InvalidInputException e) {
            errors.putAll(errors(e));
        }
        if (errors.isEmpty()) {
            for (Map.Entry<Long, String> entry : fieldValues.entrySet()) {
                try {
                    changed += partnerFields.setValue(id, entry.getKey(), entry.getValue(), user, "STAFF_ENTRY") ? 1 : 0;
                } catch (InvalidInputException e) {
                    errors.put(PARTNER_FIELD_PREFIX + entry.getKey(), e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            log.debug("Missing facts of business {} rejected in fields {}", id, errors.keySet());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(id, null, user, model, errors, form);
        }
        redirect.addFlashAttribute("pageAlert", changed == 0 ? "No answers were entered, so nothing changed."
                : changed == 1 ? "Saved 1 fact." : "Saved " + changed + " facts.");
        return "redirect:/businesses/" + id + "#missing-facts";
    }

    /** Changes one known fact on purpose; a blank value clears it. */
    @PostMapping("/businesses/{id}/correct")
    String correct(@PathVariable long id, @RequestParam("field") String field,
                   @RequestParam(name = "value", required = false) String value,
                   @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        Map<String, Object> patch = new LinkedHashMap<>();
        put(patch, field, value == null || value.isBlank() ? null : value);
        try {
            boolean changed = profiles.update(id, patch, Editor.staff(user, PAGE_SOURCE)).changed();
            redirect.addFlashAttribute("pageAlert", changed ? "Corrected " + ProfileLabels.of(field) + "."
                    : ProfileLabels.of(field) + " already had that value, so nothing changed.");
        } catch (InvalidInputException e) {
            log.debug("Correction of {} of business {} rejected: {}", field, id, e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(id, field, user, model, Map.of("value", e.getMessage()),
                    Map.of("value", value == null ? "" : value));
        }
        return "redirect:/businesses/" + id + "#profile";
    }

    @PostMapping("/businesses/{id}/contacts")
    String addContact(@PathVariable long id, @RequestParam Map<String, String> form,
                      @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        String phone = form.getOrDefault("contactPhone", "");
        NewContact contact = new NewContact(form.get("contactName"), form.get("contactRole"), form.get("contactEmail"),
                phone.isBlank() ? List.of() : List.of(phone), blankToNull(form.get("contactPreferredMethod")), null);
        try {
            profiles.addContact(id, contact, Editor.staff(user, PAGE_SOURCE));
            redirect.addFlashAttribute("pageAlert", "Added contact " + contact.name().strip() + ".");
        } catch (InvalidInputException e) {
            log.debug("New contact for business {} rejected: {}", id, e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(problem -> errors.putIfAbsent("contact" + capitalize(problem.field()), problem.message()));
            return show(id, null, user, model, errors, form);
        }
        return "redirect:/businesses/" + id + "#contacts";
    }

    @PostMapping("/businesses/{id}/partner-fields/{fieldId}")
    String setPartnerField(@PathVariable long id, @PathVariable long fieldId,
                           @RequestParam(name = "value", required = false) String value,
                           @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                           HttpServletResponse response) {
        try {
            boolean changed = partnerFields.setValue(id, fieldId, value, user, "STAFF_ENTRY");
            redirect.addFlashAttribute("pageAlert", changed ? "Saved the partner field." : "The partner field already had that value, so nothing changed.");
        } catch (InvalidInputException e) {
            log.debug("Partner field {} of business {} rejected: {}", fieldId, id, e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(id, null, user, model, Map.of("partnerField-" + fieldId, e.getMessage()),
                    Map.of("partnerField-" + fieldId, value == null ? "" : value));
        }
        return "redirect:/businesses/" + id + "#partner-fields";
    }

    private String show(long id, String correct, CurrentUser user, Model model, Map<String, String> errors,
                        Map<String, String> entered) {
        BusinessProfile business = profiles.read(id, user, "GET /businesses/" + id);
        List<MissingFact> missing = profiles.missingFacts(id, user);

        model.addAttribute("business", business);
        model.addAttribute("missing", missing);
        model.addAttribute("duplicates", duplicateCheck.findDuplicatesOf(id));
        model.addAttribute("known", ProfileLabels.knownFacts(business));
        model.addAttribute("correct", correct != null && ProfileLabels.isCorrectable(correct, business) ? correct : null);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("labels", new ProfileLabels());
        model.addAttribute("timeFormat", timeFormat());
        return "businesses/detail";
    }

    /** Puts a dotted form name such as {@code establishments.12.timeZone} into a nested merge patch. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> patch, String name, Object value) {
        String[] parts = name.split("\\.");
        Map<String, Object> object = patch;
        for (int i = 0; i < parts.length - 1; i++) {
            object = (Map<String, Object>) object.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
        }
        object.put(parts[parts.length - 1], value);
    }

    private static Map<String, String> errors(InvalidInputException exception) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : exception.problems()) {
            errors.putIfAbsent(problem.field(), problem.message());
        }
        return errors;
    }

    private static String capitalize(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // NOTE: times show in the server's zone; showing them in the signed-in user's office zone needs that zone.
    private static DateTimeFormatter timeFormat() {
        return DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US).withZone(ZoneId.systemDefault());
    }
}
