package org.onedoor.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.onedoor.assessment.internal.Instrument.Option;
import org.onedoor.assessment.internal.Instrument.Question;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/**
 * Turns an answer into its canonical text, and an answer into the needs it raises. Canonical answers are {@code yes}
 * or {@code no}, option values joined by commas in option order, a plain decimal number, or stripped text.
 */
final class AnswerRules {

    static final int MAX_TEXT_LENGTH = 1000;
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000");

    private AnswerRules() {
    }

    /** Returns the canonical answer, or {@code null} for no answer (null, blank or an empty list). */
    static String canonical(Question question, Object raw, String field, List<FieldProblem> problems) {
        if (raw == null || (raw instanceof String text && text.isBlank()) || (raw instanceof List<?> list && list.isEmpty())) {
            return null;
        }
        if (raw instanceof Map<?, ?> || (raw instanceof List<?> && question.answerType() != AnswerType.CHOICE)) {
            problems.add(new FieldProblem(field, "The answer to '" + question.text() + "' must be a single value, "
                    + "not a list or object."));
            return null;
        }
        return switch (question.answerType()) {
            case YES_NO -> yesNo(question, raw, field, problems);
            case CHOICE -> choice(question, raw, field, problems);
            case NUMBER -> number(question, raw, field, problems);
            case TEXT -> text(question, raw, field, problems);
        };
    }

    /** Returns the needs an answer raises, as need codes, in the order of the options chosen. */
    static List<String> needsOf(Question question, String answer) {
        if (answer == null) {
            return List.of();
        }
        List<String> needs = new ArrayList<>();
        for (String value : answer.split(",")) {
            question.option(value).ifPresent(option -> needs.addAll(option.needCodes()));
        }
        return needs;
    }

    /** Sorts need codes into the order of {@code FactCatalog.NEEDS}, without repeats. */
    static List<String> sorted(Set<String> needCodes) {
        return FactCatalog.NEEDS.stream().map(FactCatalog.Need::code).filter(needCodes::contains).toList();
    }

    /** Returns the labels of the options an answer chose, or the answer itself for numbers and text. */
    static String display(Question question, String answer) {
        if (answer == null) {
            return null;
        }
        if (question.answerType() == AnswerType.NUMBER || question.answerType() == AnswerType.TEXT) {
            return answer;
        }
        List<String> labels = new ArrayList<>();
        for (String value : answer.split(",")) {
            labels.add(question.option(value).map(Option::label).orElse(value));
        }
        return String.join(", ", labels);
    }

    private static String yesNo(Question question, Object raw, String field, List<FieldProblem> problems) {
        if (raw instanceof Boolean value) {
            return value ? "yes" : "no";
        }
        String value = raw.toString().strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "yes", "true" -> {
                return "yes";
            }
            case "no", "false" -> {
                return "no";
            }
            default -> {
                problems.add(new FieldProblem(field, "Answer '" + raw + "' to '" + question.text()
                        + "' is invalid. Answer yes or no."));
                return null;
            }
        }
    }

    private static String choice(Question question, Object raw, String field, List<FieldProblem> problems) {
        List<?> items = raw instanceof List<?> list ? list : List.of(raw.toString().split(","));
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            String value = item == null ? "" : item.toString().strip();
            if (value.isEmpty()) {
                continue;
            }
            Option option = question.options().stream().filter(candidate -> candidate.value().equalsIgnoreCase(value))
                    .findFirst().orElse(null);
            if (option == null) {
                problems.add(new FieldProblem(field, "Answer '" + value + "' to '" + question.text() + "' is not one "
                        + "of its options. Use one of " + String.join(", ",
                        question.options().stream().map(Option::value).toList()) + "."));
                return null;
            }
            chosen.add(option.value());
        }
        if (chosen.isEmpty()) {
            return null;
        }
        if (chosen.size() > 1 && !question.multiple()) {
            problems.add(new FieldProblem(field, "'" + question.text() + "' takes one answer, but " + chosen.size()
                    + " were given (" + String.join(", ", chosen) + "). Choose one."));
            return null;
        }
        if (chosen.size() > 1 && chosen.contains(ProfileFact.NO_HIRING) && question.profileFact() == ProfileFact.HIRING_NEEDS) {
            problems.add(new FieldProblem(field, "Answer '" + String.join(", ", chosen) + "' to '" + question.text()
                    + "' combines " + ProfileFact.NO_HIRING + " with kinds of workers. Choose either."));
            return null;
        }
        return String.join(",", question.options().stream().map(Option::value).filter(chosen::contains).toList());
    }

    private static String number(Question question, Object raw, String field, List<FieldProblem> problems) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw.toString().strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "Answer '" + raw + "' to '" + question.text() + "' is not a number. "
                    + "Enter digits with an optional decimal point, such as 12 or 12.5."));
            return null;
        }
        if (value.abs().compareTo(MAX_NUMBER) > 0) {
            problems.add(new FieldProblem(field, "Answer " + raw + " to '" + question.text() + "' is too large. Enter "
                    + "a number from -1000000000 to 1000000000."));
            return null;
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static String text(Question question, Object raw, String field, List<FieldProblem> problems) {
        String value = raw.toString().strip();
        if (value.length() > MAX_TEXT_LENGTH) {
            problems.add(new FieldProblem(field, "The answer to '" + question.text() + "' is " + value.length()
                    + " characters long. Shorten it to at most " + MAX_TEXT_LENGTH + " characters."));
            return null;
        }
        return value;
    }
}
