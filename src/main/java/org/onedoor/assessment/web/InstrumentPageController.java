package org.onedoor.assessment.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.assessment.internal.AnswerType;
import org.onedoor.assessment.internal.Instrument;
import org.onedoor.assessment.internal.InstrumentEditing;
import org.onedoor.assessment.internal.InstrumentStore;
import org.onedoor.assessment.internal.ProfileFact;
import org.onedoor.assessment.internal.QuestionDraft;
import org.onedoor.assessment.internal.QuestionDraft.OptionDraft;
import org.onedoor.assessment.internal.Topic;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The instrument editor of an area: the validity period, the current version, and a draft whose questions an
 * administrator adds, edits, reorders and retires before publishing it as the next version.
 */
@Controller
class InstrumentPageController {

    /** Empty option rows the question form offers beyond the options a question has. */
    static final int SPARE_OPTION_ROWS = 3;

    private static final Pattern OPTION_FIELD = Pattern.compile("options\\[(\\d+)]\\.(value|label|needCodes)");

    private final InstrumentStore store;
    private final InstrumentEditing editing;
    private final JdbcClient jdbc;

    InstrumentPageController(InstrumentStore store, InstrumentEditing editing, JdbcClient jdbc) {
        this.store = store;
        this.editing = editing;
        this.jdbc = jdbc;
    }

    /** An area with its name, for the list of instruments. */
    record AreaRow(long id, String name) {
    }

    @GetMapping("/assessment-instruments")
    String areas(Model model) {
        model.addAttribute("areas", jdbc.sql("SELECT id, name FROM workforce_area ORDER BY name, id")
                .query(AreaRow.class).list());
        return "assessment/instruments";
    }

    @GetMapping("/areas/{areaId}/assessment-instrument")
    String instrument(@PathVariable long areaId, Model model) {
        return render(areaId, model, Map.of(), null);
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/validity")
    String validity(@PathVariable long areaId, @RequestParam(required = false) String validityMonths,
                    @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        try {
            Integer months = parseMonths(validityMonths);
            editing.setValidityMonths(areaId, months, user);
            redirect.addFlashAttribute("notice", "New assessments in this area are now valid for " + months
                    + " months.");
            return redirectTo(areaId);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(areaId, model, Map.of("validityMonths", e.getMessage()), validityMonths);
        }
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/draft")
    String openDraft(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user) {
        editing.openDraft(areaId, user);
        return redirectTo(areaId) + "#draft";
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/publish")
    String publish(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Instrument published = editing.publishDraft(areaId, user);
            redirect.addFlashAttribute("notice", "Published version " + published.version() + ". New assessments "
                    + "use it; completed assessments keep the version they used.");
            return redirectTo(areaId);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(areaId, model, Map.of("draft", e.getMessage()), null);
        }
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/discard")
    String discard(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        editing.discardDraft(areaId, user);
        redirect.addFlashAttribute("notice", "Discarded the draft. The published versions did not change.");
        return redirectTo(areaId);
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/questions/{questionId}/move")
    String move(@PathVariable long areaId, @PathVariable long questionId, @RequestParam int direction,
                @AuthenticationPrincipal CurrentUser user) {
        editing.move(areaId, questionId, direction, user);
        return redirectTo(areaId) + "#draft";
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/questions/{questionId}/retire")
    String retire(@PathVariable long areaId, @PathVariable long questionId, @RequestParam boolean retired,
                  @AuthenticationPrincipal CurrentUser user) {
        editing.setRetired(areaId, questionId, retired, user);
        return redirectTo(areaId) + "#draft";
    }

    @GetMapping("/areas/{areaId}/assessment-instrument/questions/new")
    String newQuestion(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user, Model model) {
        editing.openDraft(areaId, user);
        QuestionDraft empty = new QuestionDraft("", Topic.HIRING.name(), "", AnswerType.YES_NO.name(), false, null,
                false, List.of(new OptionDraft("yes", "Yes", List.of()), new OptionDraft("no", "No", List.of())));
        return questionForm(areaId, null, empty, Map.of(), model);
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/questions/new")
    String addQuestion(@PathVariable long areaId, @RequestParam Map<String, String> form,
                       @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        return saveQuestion(areaId, null, form, user, model, response, redirect);
    }

    @GetMapping("/areas/{areaId}/assessment-instrument/questions/{questionId}/edit")
    String editQuestion(@PathVariable long areaId, @PathVariable long questionId,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
        Instrument draft = editing.openDraft(areaId, user);
        QuestionDraft question = draft.question(questionId).map(QuestionDraft::of)
                .orElseThrow(() -> NotFoundException.of("Draft question", questionId));
        return questionForm(areaId, questionId, question, Map.of(), model);
    }

    @PostMapping("/areas/{areaId}/assessment-instrument/questions/{questionId}/edit")
    String changeQuestion(@PathVariable long areaId, @PathVariable long questionId,
                          @RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return saveQuestion(areaId, questionId, form, user, model, response, redirect);
    }

    private String saveQuestion(long areaId, Long questionId, Map<String, String> form, CurrentUser user, Model model,
                                HttpServletResponse response, RedirectAttributes redirect) {
        List<Integer> rows = new ArrayList<>();
        QuestionDraft draft = draftFrom(form, rows);
        try {
            editing.saveQuestion(areaId, questionId, draft, user);
            redirect.addFlashAttribute("notice", (questionId == null ? "Added" : "Saved") + " question '"
                    + draft.code() + "' in the draft. Publish the draft to use it in new assessments.");
            return redirectTo(areaId) + "#draft";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(problem -> errors.merge(formField(problem.field(), rows), problem.message(),
                    (first, second) -> first + " " + second));
            return questionForm(areaId, questionId, draft, errors, model);
        }
    }

    private String render(long areaId, Model model, Map<String, String> errors, String enteredMonths) {
        model.addAttribute("areaId", areaId);
        model.addAttribute("areaName", editing.areaName(areaId));
        Instrument published = store.published(areaId);
        model.addAttribute("published", published);
        model.addAttribute("draft", store.draft(areaId).orElse(null));
        model.addAttribute("validityMonths", enteredMonths != null ? enteredMonths
                : String.valueOf(editing.validityMonths(areaId)));
        model.addAttribute("errors", errors);
        model.addAttribute("dates", new AssessmentDates());
        return "assessment/instrument";
    }

    private String questionForm(long areaId, Long questionId, QuestionDraft question, Map<String, String> errors,
                                Model model) {
        model.addAttribute("areaId", areaId);
        model.addAttribute("areaName", editing.areaName(areaId));
        model.addAttribute("questionId", questionId);
        model.addAttribute("question", question);
        List<OptionDraft> rows = new ArrayList<>(question.options());
        for (int i = 0; i < SPARE_OPTION_ROWS; i++) {
            rows.add(new OptionDraft("", "", List.of()));
        }
        model.addAttribute("optionRows", rows);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("answerTypes", AnswerType.values());
        model.addAttribute("profileFacts", ProfileFact.values());
        model.addAttribute("needs", FactCatalog.NEEDS);
        model.addAttribute("errors", errors);
        return "assessment/question-form";
    }

    /**
     * Reads a question from the form. Option rows left blank are skipped; {@code rows} receives the form row of each
     * option kept, so a problem with option i points at the right row.
     */
    private static QuestionDraft draftFrom(Map<String, String> form, List<Integer> rows) {
        int rowCount = parseCount(form.get("optionCount"));
        List<OptionDraft> options = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            String value = form.getOrDefault("option-" + row + "-value", "");
            String label = form.getOrDefault("option-" + row + "-label", "");
            String needs = form.getOrDefault("option-" + row + "-needs", "");
            if (value.isBlank() && label.isBlank() && needs.isBlank()) {
                continue;
            }
            options.add(new OptionDraft(value, label, Arrays.stream(needs.split(","))
                    .map(String::strip).filter(need -> !need.isEmpty()).toList()));
            rows.add(row);
        }
        String profileFact = form.get("profileFact");
        return new QuestionDraft(form.get("code"), form.get("topic"), form.get("text"), form.get("answerType"),
                form.containsKey("multiple"), profileFact == null || profileFact.isBlank() ? null : profileFact,
                form.containsKey("retired"), options);
    }

    /** Maps a problem's field, such as {@code options[1].needCodes}, to the id of its form input. */
    private static String formField(String field, List<Integer> rows) {
        Matcher matcher = OPTION_FIELD.matcher(field);
        if (!matcher.matches()) {
            return field;
        }
        int index = Integer.parseInt(matcher.group(1));
        int row = index < rows.size() ? rows.get(index) : index;
        String part = matcher.group(2).equals("needCodes") ? "needs" : matcher.group(2);
        return "option-" + row + "-" + part;
    }

    private static int parseCount(String raw) {
        try {
            return Math.min(Math.max(Integer.parseInt(raw == null ? "0" : raw.strip()), 0), 40);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Integer parseMonths(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("validityMonths", "Validity '" + raw + "' is not a whole number. Enter "
                    + "the months from 1 to " + InstrumentEditing.MAX_VALIDITY_MONTHS + ", such as 12.");
        }
    }

    private static String redirectTo(long areaId) {
        return "redirect:/areas/" + areaId + "/assessment-instrument";
    }
}
