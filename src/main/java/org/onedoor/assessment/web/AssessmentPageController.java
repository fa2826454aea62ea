package org.onedoor.assessment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.assessment.AssessmentSummary;
import org.onedoor.assessment.internal.AnsweredQuestion;
import org.onedoor.assessment.internal.AssessmentBlockedException;
import org.onedoor.assessment.internal.AssessmentCoordination;
import org.onedoor.assessment.internal.AssessmentCoordinationException;
import org.onedoor.assessment.internal.AssessmentService;
import org.onedoor.assessment.internal.Instrument;
import org.onedoor.assessment.internal.StartDecision;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.engagement.ContactOutcome;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The needs assessment page of a business: its status, the current assessment, and the form to start or update. */
@Controller
class AssessmentPageController {

    static final String PAGE_SOURCE = "OneDoor needs assessment page";
    /** Form fields of answers are named this prefix and the question code. */
    static final String ANSWER_PREFIX = "answer-";

    private static final Logger log = LoggerFactory.getLogger(AssessmentPageController.class);

    private final AssessmentService assessments;
    private final BusinessProfileService profiles;
    private final AssessmentCoordination coordination;

    AssessmentPageController(AssessmentService assessments, BusinessProfileService profiles,
                             AssessmentCoordination coordination) {
        this.assessments = assessments;
        this.profiles = profiles;
        this.coordination = coordination;
    }

    @GetMapping("/businesses/{id}/assessment")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return render(id, user, model, Map.of(), null);
    }

    /** Renders the assessment status for the business page, which loads it with htmx. */
    @GetMapping("/businesses/{id}/assessment/summary")
    String summary(@PathVariable long id, Model model) {
        StartDecision decision = assessments.decide(id);
        AssessmentSummary current = decision.current();
        Map<String, String> labels = needLabels();
        model.addAttribute("businessId", id);
        model.addAttribute("decision", decision);
        model.addAttribute("current", current);
        model.addAttribute("completedBy", current == null ? null : assessments.completedByText(current));
        model.addAttribute("needs", current == null ? List.of()
                : current.needCodes().stream().map(code -> labels.getOrDefault(code, code)).toList());
        model.addAttribute("dates", new AssessmentDates());
        return "assessment/_summary :: summary";
    }

    @PostMapping("/businesses/{id}/assessment")
    String start(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                 @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        try {
            AssessmentSummary started = assessments.start(id, null, answers(form, false), user, PAGE_SOURCE,
                    form.getFirst("overrideReason"));
            redirect.addFlashAttribute("notice", "Completed the needs assessment. It is valid until "
                    + AssessmentDates.format(started.validUntil()) + " and shared with every partner. "
                    + (started.needCodes().isEmpty() ? "It raised no needs."
                    : "Its needs are listed below: offer a service for each, or record why no offer was made."));
            // The needs page is where the raised needs get their offers, so staff go on from there.
            return "redirect:/businesses/" + id + "/needs";
        } catch (AssessmentCoordinationException e) {
            log.info("Page start of a needs assessment of business {} stopped: {} contacts by other partners",
                    id, e.result().otherPartnerContacts().size());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(id, user, model, Map.of("overrideReason", e.getMessage()), form);
        } catch (AssessmentBlockedException e) {
            log.info("Page start of a needs assessment of business {} blocked: a valid one exists", id);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(id, user, model, Map.of("assessment", e.getMessage()), form);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(id, user, model, errors(e), form);
        }
    }

    /** Sends a planned needs assessment to the account manager, when the coordination check found other contacts. */
    @PostMapping("/businesses/{id}/assessment/route")
    String routeToAccountManager(@PathVariable long id, @RequestParam(required = false) String date,
                                 @RequestParam(required = false) String time,
                                 @RequestParam(required = false) String summary,
                                 @AuthenticationPrincipal CurrentUser user, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        String plannedAt = date == null || date.isBlank() ? null
                : date.strip() + "T" + (time == null || time.isBlank() ? "09:00" : time.strip());
        try {
            ContactOutcome outcome = coordination.routeToAccountManager(id, plannedAt, summary, user);
            redirect.addFlashAttribute("notice", outcome instanceof ContactOutcome.RoutedToAccountManager routed
                    ? "Other partners contacted this business recently, so the planned assessment went to its "
                    + "account manager, " + routed.check().accountManager().orElseThrow().displayName()
                    + ", as a request. You are notified when they accept, combine or decline it."
                    : "The planned assessment is recorded as a planned contact.");
            return "redirect:/businesses/" + id + "/assessment";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(problem -> errors.merge(problem.field().equals("occurredAt") ? "route-date"
                    : "route-" + problem.field(), problem.message(), (first, second) -> first + " " + second));
            return render(id, user, model, errors, null);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(id, user, model, Map.of("route-date", e.getMessage()), null);
        }
    }

    @PostMapping("/businesses/{id}/assessment/update")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            assessments.update(id, answers(form, true), user, PAGE_SOURCE);
            redirect.addFlashAttribute("notice", "Updated the needs assessment. The update is recorded below with "
                    + "your name and each changed answer.");
            return "redirect:/businesses/" + id + "/assessment";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(id, user, model, errors(e), form);
        }
    }

    private String render(long id, CurrentUser user, Model model, Map<String, String> errors,
                          MultiValueMap<String, String> entered) {
        model.addAttribute("business", profiles.read(id, user, "GET /businesses/" + id + "/assessment"));
        StartDecision decision = assessments.decide(id);
        AssessmentSummary current = decision.current();
        model.addAttribute("decision", decision);
        model.addAttribute("current", current);
        List<AnsweredQuestion> currentAnswers = current == null ? List.of()
                : assessments.answers(id, assessments.instrument(current.instrumentId()), current.id());
        model.addAttribute("currentAnswers", currentAnswers);
        model.addAttribute("setAside", assessments.setAsideByMerge(id));
        model.addAttribute("updates", current == null ? List.of() : assessments.updates(current.id()));
        model.addAttribute("completedBy", current == null ? null : assessments.completedByText(current));
        model.addAttribute("needLabels", needLabels());
        model.addAttribute("dates", new AssessmentDates());

        List<AnsweredQuestion> formQuestions = List.of();
        String formProblem = null;
        boolean updating = !decision.allowed();
        if (updating) {
            formQuestions = currentAnswers;
        } else {
            try {
                Instrument instrument = assessments.instrumentForNew(assessments.areaFor(user, null));
                model.addAttribute("formVersion", instrument.version());
                formQuestions = assessments.answers(id, instrument, null);
            } catch (InvalidInputException e) {
                formProblem = e.getMessage();
            }
        }
        // The check runs only when a new assessment may start, because an update is no new contact.
        model.addAttribute("coordination", updating ? null : coordination.check(id, user));
        model.addAttribute("updating", updating);
        model.addAttribute("formQuestions", formQuestions);
        model.addAttribute("formProblem", formProblem);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered == null ? enteredFrom(formQuestions) : entered);
        return "assessment/page";
    }

    /** Reads the answers of a form: one value, or for multiple choice every checked value. */
    private static Map<String, Object> answers(MultiValueMap<String, String> form, boolean includeBlank) {
        Map<String, Object> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!name.startsWith(ANSWER_PREFIX)) {
                return;
            }
            String code = name.substring(ANSWER_PREFIX.length());
            List<String> given = values.stream().filter(value -> value != null && !value.isBlank()).toList();
            if (given.isEmpty()) {
                if (includeBlank) {
                    answers.put(code, null);
                }
            } else {
                answers.put(code, given.size() == 1 ? given.get(0) : given);
            }
        });
        return answers;
    }

    private static MultiValueMap<String, String> enteredFrom(List<AnsweredQuestion> questions) {
        MultiValueMap<String, String> entered = new org.springframework.util.LinkedMultiValueMap<>();
        for (AnsweredQuestion answered : questions) {
            if (answered.answer() != null && !answered.fromProfile()) {
                for (String value : answered.answer().split(",")) {
                    entered.add(ANSWER_PREFIX + answered.question().code(), value);
                }
            }
        }
        return entered;
    }

    /** Maps each problem's field, such as {@code answers.hard-to-fill}, to the form field's id. */
    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(problem -> errors.merge(problem.field().replace("answers.", ANSWER_PREFIX),
                problem.message(), (first, second) -> first + " " + second));
        return errors;
    }

    private static Map<String, String> needLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        FactCatalog.NEEDS.forEach(need -> labels.put(need.code(), need.label()));
        return labels;
    }
}
