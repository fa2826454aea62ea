package org.onedoor.businesses.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.DuplicateCandidate;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.DuplicateCheck.Creation;
import org.onedoor.businesses.NewBusiness;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Register a new business" page: a form that shows the existing businesses it may duplicate while it is being
 * filled (htmx) and again on submit, and needs "This is a different business" ticked to create a likely duplicate.
 */
@Controller
class BusinessRegistrationController {

    static final String SOURCE_NAME = "New business form";
    static final String CONFIRM_FIELD = "confirmDifferentBusiness";

    private static final Logger log = LoggerFactory.getLogger(BusinessRegistrationController.class);

    private final DuplicateCheck duplicateCheck;

    BusinessRegistrationController(DuplicateCheck duplicateCheck) {
        this.duplicateCheck = duplicateCheck;
    }

    /** The form fields; {@code confirmDifferentBusiness} is the checkbox, {@code null} when not ticked. */
    record NewBusinessForm(String legalName, String tradeName, String fein, String naicsCode, String website,
                           String phone, String streetAddress, String city, String state, String zipCode,
                           Boolean confirmDifferentBusiness) {

        static NewBusinessForm empty() {
            return new NewBusinessForm("", "", "", "", "", "", "", "", "", "", false);
        }

        NewBusiness toNewBusiness() {
            return new NewBusiness(legalName, tradeName, fein, naicsCode, website, phone, streetAddress, city, state,
                    zipCode);
        }

        boolean confirmed() {
            return Boolean.TRUE.equals(confirmDifferentBusiness);
        }
    }

    @GetMapping("/businesses/new")
    String form(Model model) {
        return show(model, NewBusinessForm.empty(), List.of(), Map.of());
    }

    /** Returns the candidates fragment for the values entered so far. */
    @PostMapping("/businesses/new/candidates")
    String candidates(@ModelAttribute NewBusinessForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("candidates", duplicateCheck.findCandidates(form.toNewBusiness()));
        model.addAttribute("errors", Map.of());
        return "businesses/_candidates :: candidates";
    }

    @PostMapping("/businesses/new")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute NewBusinessForm form, Model model,
                  RedirectAttributes redirect) {
        Creation creation;
        try {
            creation = duplicateCheck.create(form.toNewBusiness(), form.confirmed(), SOURCE_NAME, user.id(),
                    user.partnerId());
        } catch (InvalidInputException e) {
            log.info("Rejected a new business from user {}: {} invalid fields", user.id(), e.problems().size());
            return show(model, form, duplicateCheck.findCandidates(form.toNewBusiness()), errors(e.problems()));
        }
        if (!creation.created()) {
            String message = "This business may already be registered: see the possible duplicates below. Open one "
                    + "to use it, or tick \"This is a different business\" to register a new one.";
            return show(model, form, creation.candidates(), Map.of(CONFIRM_FIELD, message));
        }
        redirect.addFlashAttribute("pageAlert", "Registered " + form.legalName().strip() + " as a new business.");
        return "redirect:/businesses/" + creation.businessId();
    }

    private static String show(Model model, NewBusinessForm form, List<DuplicateCandidate> candidates,
                               Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("candidates", candidates);
        model.addAttribute("errors", errors);
        model.addAttribute("likelyScore", Math.round(DuplicateCheck.LIKELY_DUPLICATE_SCORE * 100));
        model.addAttribute("listedScore", Math.round(DuplicateCheck.LISTED_SCORE * 100));
        return "businesses/new";
    }

    private static Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String field = problem.field().startsWith("address.") ? "streetAddress" : problem.field();
            errors.merge(field, problem.message(), (first, second) -> first + " " + second);
        }
        return errors;
    }
}
