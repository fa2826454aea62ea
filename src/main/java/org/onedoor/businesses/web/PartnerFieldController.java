package org.onedoor.businesses.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.PartnerFields;
import org.onedoor.businesses.PartnerFields.Definition;
import org.onedoor.businesses.PartnerFields.NewField;
import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page where partner administrators define their partner's fields (administrators for any partner), under
 * /admin so only administrators reach it, and the matching JSON API under /api/v1/partner-fields.
 */
@Controller
@Tag(name = "Partner fields", description = "Fields that a partner adds to the shared business profile")
class PartnerFieldController {

    private static final Logger log = LoggerFactory.getLogger(PartnerFieldController.class);

    private final PartnerFields partnerFields;
    private final Directory directory;

    PartnerFieldController(PartnerFields partnerFields, Directory directory) {
        this.partnerFields = partnerFields;
        this.directory = directory;
    }

    /** The definition form; blank numbers and pattern mean no limit, and choices come one per line. */
    record FieldForm(Long partnerId, String name, String type, Boolean required, String minValue, String maxValue,
                     String pattern, String choices, String visibility) {
    }

    @GetMapping("/admin/partner-fields")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(user, model, new FieldForm(user.partnerId(), "", "TEXT", false, "", "", "", "", "PARTNER_ONLY"),
                Map.of());
    }

    @PostMapping("/admin/partner-fields")
    String define(FieldForm form, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Long partnerId = user.isAdministrator() ? form.partnerId() : user.partnerId();
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal min = number("minValue", form.minValue(), errors);
        BigDecimal max = number("maxValue", form.maxValue(), errors);
        List<String> choices = form.choices() == null ? List.of()
                : Arrays.stream(form.choices().split("\\R")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors.entrySet().stream()
                        .map(entry -> new FieldProblem(entry.getKey(), entry.getValue())).toList());
            }
            Definition defined = partnerFields.define(new NewField(partnerId, form.name(), form.type(),
                    Boolean.TRUE.equals(form.required()),
                    min, max, form.pattern(), choices, form.visibility()), user);
            redirect.addFlashAttribute("pageAlert", "Defined the field " + defined.name() + " for " + defined.partnerName()
                    + ".");
        } catch (InvalidInputException e) {
            log.debug("Partner field definition by user {} rejected: {}", user.id(), e.getMessage());
            e.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(user, model, form, errors);
        }
        return "redirect:/admin/partner-fields";
    }

    private String show(CurrentUser user, Model model, FieldForm form, Map<String, String> errors) {
        List<PartnerSummary> partners = user.isAdministrator() ? directory.partners()
                : directory.findPartner(user.partnerId()).stream().toList();

        model.addAttribute("fields", partnerFields.definitions(user.isAdministrator() ? null : user.partnerId()));
        model.addAttribute("partners", partners);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", new ProfileLabels());
        return "businesses/fields/list";
    }

    private static BigDecimal number(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + text.strip() + "' is not a number. Enter digits, such as 0 or 12.5, or leave it empty.");
            return null;
        }
    }

    @GetMapping("/api/v1/partner-fields")
    @ResponseBody
    @Operation(summary = "List partner field definitions",
            description = "Definitions are visible to every signed-in user, because values are what visibility "
                    + "protects. Filter by partnerId.")
    List<Definition> definitions(@RequestParam(name = "partnerId", required = false) Long partnerId) {
        return partnerFields.definitions(partnerId);
    }

    @PostMapping("/api/v1/partner-fields")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a field for a partner",
            description = "Partner administrators define fields for their own partner, administrators for any. type is "
                    + "TEXT, NUMBER, DATE, YES_NO or CHOICE; visibility is SHARED, PARTNER_ONLY or CONFIDENTIAL.")
    Definition defineByApi(@RequestBody NewField field, @AuthenticationPrincipal CurrentUser user) {
        return partnerFields.define(field, user);
    }
}
