package org.onedoor.eligibility.web;

import java.util.List;
import java.util.Map;

import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.Fact;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.Rule;
import org.onedoor.eligibility.ServiceRules;
import org.onedoor.eligibility.internal.BusinessServices;
import org.onedoor.eligibility.internal.BusinessServices.Filter;
import org.onedoor.eligibility.internal.MissingFactQuestions;
import org.onedoor.eligibility.internal.MissingFactQuestions.Questions;
import org.onedoor.eligibility.internal.RuleDraft;
import org.onedoor.eligibility.internal.RuleEditing;
import org.onedoor.eligibility.internal.ServiceOptionsPage;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for eligibility rules, their evaluation for a business and the services for a business. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Eligibility", description = "Eligibility rules of services in CEL, their evaluation for a business, and "
        + "the services for a business with eligibility and availability")
class EligibilityApiController {

    static final String API_SOURCE = "OneDoor API (eligibility questions)";

    private final Eligibility eligibility;
    private final RuleEditing editing;
    private final BusinessServices businessServices;
    private final MissingFactQuestions questions;

    EligibilityApiController(Eligibility eligibility, RuleEditing editing, BusinessServices businessServices,
                             MissingFactQuestions questions) {
        this.eligibility = eligibility;
        this.editing = editing;
        this.businessServices = businessServices;
        this.questions = questions;
    }

    /** The rules of a service, with how they combine in words. */
    record RulesBody(long serviceId, String combination, String summary, List<Rule> rules) {

        static RulesBody of(ServiceRules rules) {
            return new RulesBody(rules.serviceId(), rules.combination().name(), rules.summary(), rules.rules());
        }
    }

    /**
     * New rules of a service.
     *
     * @param combination {@code ALL} (default) or {@code ANY}
     */
    record RulesRequest(String combination, List<RuleDraft> rules) {
    }

    /** A result with the questions that would fill its missing facts. */
    record EvaluationBody(long businessId, long serviceId, EligibilityResult result, String summary,
                          List<MissingFactQuestions.Question> questions, List<String> notes, Integer changedFields) {
    }

    @GetMapping("/eligibility/facts")
    @Operation(summary = "List the facts a rule may use, with their CEL types and the question staff are asked")
    List<Fact> facts() {
        return FactCatalog.FACTS;
    }

    @GetMapping("/services/{id}/eligibility-rules")
    @Operation(summary = "Get the eligibility rules of a service",
            description = "A service without rules is open to every business.")
    RulesBody rules(@PathVariable long id) {
        return RulesBody.of(eligibility.rules(id));
    }

    @PutMapping("/services/{id}/eligibility-rules")
    @Operation(summary = "Replace the eligibility rules of a service",
            description = "Only an administrator, or a partner administrator of the service's partner, may do this. "
                    + "Each rule has a label and either an expression (CEL, type bool, over the facts of GET "
                    + "/api/v1/eligibility/facts) or a fact, an operator (EQUALS, ONE_OF, STARTS_WITH, LESS_THAN, "
                    + "AT_MOST, GREATER_THAN, AT_LEAST, IS_YES, IS_NO, CONTAINS, CONTAINS_ANY), values and negate, "
                    + "from which the expression is built. An unknown fact or a type error gives 400 naming the rule, "
                    + "the identifier and the facts available; nothing is saved then.")
    RulesBody replaceRules(@PathVariable long id, @RequestBody RulesRequest request,
                           @AuthenticationPrincipal CurrentUser user) {
        List<RuleDraft> drafts = request.rules() == null ? List.of() : request.rules();
        return RulesBody.of(editing.replace(id, request.combination(), drafts, user));
    }

    @GetMapping("/businesses/{id}/services")
    @Operation(summary = "List one page of the active services in the business's area with eligibility and "
            + "availability",
            description = "Sorted eligible and available first, then eligible with availability unknown, eligible "
                    + "but full, eligibility unknown, and not eligible last, then by name. Filters: need (a need "
                    + "code: HIRE, TRAIN_NEW_HIRES, TRAIN_CURRENT_WORKERS, LAYOFF, INFORMATION, PLANNING, RETAIN, "
                    + "AVERT_LAYOFF, INCLUSIVE_HIRING, ACCESSIBILITY, TAX_CREDITS, EXPAND), category "
                    + "(an employer service category code) and partner (a partner id). Paging: page counts from 0, "
                    + "size is 1 to 200 and defaults to 25. The body has the page's items, the total and counts "
                    + "by eligibility result over all pages.")
    ServiceOptionsPage servicesFor(@PathVariable long id, @RequestParam(required = false) String need,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(required = false) Long partner,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        PageRequest pageRequest = new PageRequest(page == null ? 0 : page,
                size == null ? BusinessServices.DEFAULT_PAGE_SIZE : size);
        return businessServices.servicesFor(id, new Filter(blankToNull(need), blankToNull(category), partner),
                pageRequest);
    }

    @GetMapping("/businesses/{id}/services/{serviceId}/eligibility")
    @Operation(summary = "Evaluate one service for a business, with the questions for any missing facts")
    EvaluationBody evaluate(@PathVariable long id, @PathVariable long serviceId,
                            @AuthenticationPrincipal CurrentUser user) {
        return evaluation(id, serviceId, user, null);
    }

    @PostMapping("/businesses/{id}/services/{serviceId}/eligibility/answers")
    @Operation(summary = "Answer the missing facts of an unknown result, then evaluate again",
            description = "Body: answers keyed by the question fields of GET .../eligibility, such as "
                    + "{\"layoffAnnounced\": true, \"establishments.12.countyFips\": \"18141\"}. Only the questions "
                    + "asked are accepted. Answers go into the shared profile as a staff entry of your partner.")
    EvaluationBody answer(@PathVariable long id, @PathVariable long serviceId, @RequestBody Map<String, Object> answers,
                          @AuthenticationPrincipal CurrentUser user) {
        EligibilityResult before = eligibility.evaluate(id, serviceId);
        Questions asked = questions.of(id, before, user);
        int changed = questions.answer(id, asked, answers, user, API_SOURCE);
        return evaluation(id, serviceId, user, changed);
    }

    private EvaluationBody evaluation(long businessId, long serviceId, CurrentUser user, Integer changed) {
        EligibilityResult result = eligibility.evaluate(businessId, serviceId);
        Questions asked = questions.of(businessId, result, user);
        return new EvaluationBody(businessId, serviceId, result, result.summary(), asked.questions(), asked.notes(),
                changed);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
