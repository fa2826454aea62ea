package org.onedoor.engagement.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.BusinessMatch;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.internal.AreaSettings;
import org.onedoor.engagement.internal.Outreach;
import org.onedoor.engagement.internal.Outreach.CampaignResult;
import org.onedoor.engagement.internal.Outreach.NewCampaign;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bulk outreach page: build a list from a business search or pasted ids, check it, confirm businesses that had
 * recent contacts, and create the campaign. Also the page where administrators set an area's coordination window.
 */
@Controller
class OutreachPageController {

    private final Outreach outreach;
    private final BusinessSearch search;
    private final AreaSettings areaSettings;

    OutreachPageController(Outreach outreach, BusinessSearch search, AreaSettings areaSettings) {
        this.outreach = outreach;
        this.search = search;
        this.areaSettings = areaSettings;
    }

    /** The form fields as entered; {@code ids} are pasted business ids, {@code query} a business search. */
    record CampaignForm(String name, String kind, String purpose, String date, String time, String ids, String query) {

        static CampaignForm empty() {
            return new CampaignForm("", "EMAIL", "OUTREACH", "", "10:00", "", "");
        }
    }

    @GetMapping("/outreach")
    String form(Model model) {
        return show(CampaignForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/outreach")
    String submit(CampaignForm form, @RequestParam(name = "confirm", required = false) List<Long> confirmed,
                  @RequestParam(name = "action", defaultValue = "preview") String action,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> ids = businessIds(form, errors);
        ContactKind kind = parse(ContactKind.class, form.kind());
        ContactPurpose purpose = parse(ContactPurpose.class, form.purpose());
        String plannedAt = form.date() == null || form.date().isBlank() ? null
                : form.date().strip() + "T" + (form.time() == null || form.time().isBlank() ? "10:00" : form.time().strip());
        if (!errors.isEmpty()) {
            return show(form, null, errors, model);
        }
        NewCampaign campaign = new NewCampaign(form.name(), kind, purpose, plannedAt, ids, confirmed);
        try {
            CampaignResult result = "create".equals(action) ? outreach.create(campaign, user)
                    : outreach.preview(campaign, user);
            return show(form, result, errors, model);
        } catch (InvalidInputException invalid) {
            invalid.problems().forEach(problem -> errors.put(field(problem.field()), problem.message()));
            return show(form, null, errors, model);
        }
    }

    private String show(CampaignForm form, CampaignResult result, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("purposes", ContactPurpose.values());
        return "engagement/outreach";
    }

    @GetMapping("/admin/coordination-window/{areaId}")
    String window(@PathVariable long areaId, Model model) {
        model.addAttribute("window", areaSettings.window(areaId));
        model.addAttribute("errors", Map.of());
        return "engagement/coordination-window";
    }

    @PostMapping("/admin/coordination-window/{areaId}")
    String setWindow(@PathVariable long areaId, @RequestParam(name = "windowDays", required = false) String days,
                     @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            Integer parsed = days == null || !days.strip().matches("\\d{1,4}") ? null : Integer.valueOf(days.strip());
            areaSettings.setWindow(areaId, parsed, user);
            redirect.addFlashAttribute("pageAlert", "The coordination window is now " + parsed + " days.");
            return "redirect:/admin/coordination-window/" + areaId;
        } catch (InvalidInputException invalid) {
            model.addAttribute("window", areaSettings.window(areaId));
            model.addAttribute("errors", Map.of("windowDays", invalid.getMessage()));
            return "engagement/coordination-window";
        }
    }

    /** Reads pasted ids (separated by commas, spaces or lines) and adds every match of the search, in order. */
    private List<Long> businessIds(CampaignForm form, Map<String, String> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        if (form.ids() != null) {
            for (String token : form.ids().split("[\\s,;]+")) {
                if (token.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.valueOf(token));
                } catch (NumberFormatException e) {
                    invalid.add(token);
                }
            }
        }
        if (!invalid.isEmpty()) {
            errors.put("ids", "Ids " + invalid + " are not whole numbers. Paste business ids only, such as 12, 45.");
        }
        if (form.query() != null && !form.query().isBlank()) {
            for (int page = 0; ids.size() <= Outreach.MAX_BUSINESSES; page++) {
                ResultPage<BusinessMatch> matches = search.search(form.query(), new PageRequest(page, PageRequest.MAX_SIZE));
                matches.items().forEach(match -> ids.add(match.id()));
                if (!matches.hasNext()) {
                    break;
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String field(String apiField) {
        return switch (apiField) {
            case "plannedAt" -> "date";
            case "businessIds" -> "ids";
            default -> apiField;
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
