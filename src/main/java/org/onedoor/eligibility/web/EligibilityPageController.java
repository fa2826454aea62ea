package org.onedoor.eligibility.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceSummary;
import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.ServiceRules;
import org.onedoor.eligibility.internal.MissingFactQuestions;
import org.onedoor.eligibility.internal.MissingFactQuestions.Questions;
import org.onedoor.eligibility.internal.RuleBuilder;
import org.onedoor.eligibility.internal.RuleDraft;
import org.onedoor.eligibility.internal.RuleEditing;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
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
 * The pages of eligibility rules: the rules of a service in plain words, the rule editor, and the evaluation of one
 * service for a business with its missing-facts questions. The services panel is {@link ServicesPanelController}.
 */
@Controller
class EligibilityPageController {

    private static final Logger log = LoggerFactory.getLogger(EligibilityPageController.class);

    static final String PAGE_SOURCE = "OneDoor eligibility questions page";

    /** Rule rows the editor reads at most, so a crafted ruleCount cannot make it loop over an arbitrary count. */
    private static final int MAX_FORM_RULES = 100;

    private final Eligibility eligibility;
    private final RuleEditing editing;
    private final Directory directory;
    private final MissingFactQuestions questions;
    private final BusinessProfileService profiles;

    EligibilityPageController(Eligibility eligibility, RuleEditing editing, Directory directory,
                              MissingFactQuestions questions, BusinessProfileService profiles) {
        this.eligibility = eligibility;
        this.editing = editing;
        this.directory = directory;
        this.questions = questions;
        this.profiles = profiles;
    }

    /** Shows the rules of a service in plain words, as a fragment that the service page loads with htmx. */
    @GetMapping("/directory/services/{id}/eligibility-rules")
    String rulesFragment(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ServiceSummary service = directory.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        model.addAttribute("service", service);
        model.addAttribute("rules", eligibility.rules(id));
        model.addAttribute("canEdit", user != null && user.canAdministerPartner(service.partnerId()));
        return "eligibility/_rules :: rules";
    }

    @GetMapping("/directory/services/{id}/eligibility-rules/edit")
    String editRules(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ServiceSummary service = editing.checkEditor(id, user);
        ServiceRules rules = eligibility.rules(id);

        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("combination", rules.combination().name());
        for (int i = 0; i < rules.rules().size(); i++) {
            entered.put("rule-" + i + "-label", rules.rules().get(i).label());
            entered.put("rule-" + i + "-expression", rules.rules().get(i).expression());
        }
        return editor(model, service, rules.rules().size(), entered, Map.of());
    }

    /**
     * Saves the rules of the editor: the listed rules that are not marked for removal, then the new rule when its
     * fact or expression is filled in.
     */
    @PostMapping("/directory/services/{id}/eligibility-rules/edit")
    String saveRules(@PathVariable long id, @RequestParam Map<String, String> form,
                     @RequestParam(name = "ruleCount", defaultValue = "0") int ruleCount,
                     @AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
                     HttpServletResponse response, RedirectAttributes redirect) {
        ServiceSummary service = editing.checkEditor(id, user);

        List<RuleDraft> drafts = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < Math.min(ruleCount, MAX_FORM_RULES); i++) {
            String prefix = "rule-" + i;
            if (form.containsKey(prefix + "-remove")) {
                continue;
            }
            drafts.add(RuleDraft.ofExpression(form.get(prefix + "-label"), form.get(prefix + "-expression")));
            prefixes.add(prefix);
        }
        String[] values = request.getParameterValues("new-values");
        boolean hasNewRule = !blank(form.get("new-fact")) || !blank(form.get("new-expression"));
        if (hasNewRule) {
            drafts.add(new RuleDraft(form.get("new-label"), form.get("new-expression"), form.get("new-fact"),
                    form.get("new-operator"), splitValues(values), form.containsKey("new-negate")));
            prefixes.add("new");
        }

        try {
            ServiceRules saved = editing.replace(id, form.get("combination"), drafts, user);
            redirect.addFlashAttribute("notice", "Saved " + saved.rules().size() + (saved.rules().size() == 1
                    ? " eligibility rule" : " eligibility rules") + " for " + service.name() + ".");
            return "redirect:/directory/services/" + id;
        } catch (InvalidInputException e) {
            log.info("Rule editor of service {} rejected: {} problems", id, e.problems().size());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editor(model, service, ruleCount, form, errors(e.problems(), prefixes));
        }
    }

    private String editor(Model model, ServiceSummary service, int ruleCount, Map<String, String> entered,
                          Map<String, String> errors) {
        model.addAttribute("service", service);
        model.addAttribute("ruleCount", Math.min(ruleCount, MAX_FORM_RULES));
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("facts", FactCatalog.FACTS);
        model.addAttribute("operators", RuleBuilder.Operator.values());
        return "eligibility/rules-edit";
    }

    /** Maps problems named after the rule list, such as {@code rules[2].expression}, to the form's input ids. */
    private static Map<String, String> errors(List<FieldProblem> problems, List<String> prefixes) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String field = problem.field();
            String key = field;
            if (field.startsWith("rules[") && field.contains("].")) {
                int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
                String part = field.substring(field.indexOf("].") + 2);
                key = (index < prefixes.size() ? prefixes.get(index) : "new") + "-" + part;
            }
            errors.merge(key, problem.message(), (first, second) -> first + " " + second);
        }
        return errors;
    }

    private static List<String> splitValues(String[] values) {
        List<String> split = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        split.add(part.strip());
                    }
                }
            }
        }
        return split;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // One service for one business

    @GetMapping("/businesses/{id}/services/{serviceId}/eligibility")
    String evaluation(@PathVariable long id, @PathVariable long serviceId, @AuthenticationPrincipal CurrentUser user,
                      Model model) {
        return evaluationPage(id, serviceId, user, model, Map.of(), Map.of());
    }

    @PostMapping("/businesses/{id}/services/{serviceId}/eligibility")
    String answer(@PathVariable long id, @PathVariable long serviceId, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        EligibilityResult before = eligibility.evaluate(id, serviceId);
        Questions asked = questions.of(id, before, user);
        Map<String, Object> answers = new LinkedHashMap<>();
        for (MissingFactQuestions.Question question : asked.questions()) {
            String[] values = request.getParameterValues(question.field());
            if (values != null && question.kind().equals("MANY_CHOICES")) {
                answers.put(question.field(), List.of(values));
            } else if (values != null) {
                answers.put(question.field(), values[0]);
            }
        }

        try {
            int changed = questions.answer(id, asked, answers, user, PAGE_SOURCE);
            redirect.addFlashAttribute("notice", changed == 0 ? "No answers were entered, so nothing changed."
                    : changed == 1 ? "Saved 1 answer to the business profile."
                    : "Saved " + changed + " answers to the business profile.");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            return evaluationPage(id, serviceId, user, model, errors, form);
        }
        return "redirect:/businesses/" + id + "/services/" + serviceId + "/eligibility";
    }

    private String evaluationPage(long businessId, long serviceId, CurrentUser user, Model model,
                                  Map<String, String> errors, Map<String, String> entered) {
        EligibilityResult result = eligibility.evaluate(businessId, serviceId);
        ServiceSummary service = directory.findService(serviceId).orElseThrow();
        model.addAttribute("business", profiles.read(businessId, null, null));
        model.addAttribute("service", service);
        model.addAttribute("rules", eligibility.rules(serviceId));
        model.addAttribute("result", result);
        model.addAttribute("asked", questions.of(businessId, result, user));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "eligibility/evaluation";
    }
}
