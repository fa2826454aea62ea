package org.onedoor.assessment.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.onedoor.assessment.internal.QuestionDraft.OptionDraft;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/**
 * Checks and normalizes one question draft. Each problem names the field, the value and the fix; the returned
 * draft has upper-case type names and complete yes/no options.
 */
final class QuestionRules {

    static final int MAX_TEXT_LENGTH = 500;
    static final int MAX_OPTIONS = 20;

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,60}");
    private static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9_+-]{1,60}");

    private QuestionRules() {
    }

    /** @param prefix put before each field name, such as {@code questions[2].}, or empty */
    static QuestionDraft check(QuestionDraft draft, String prefix, List<FieldProblem> problems) {
        int before = problems.size();
        String code = draft.code() == null ? "" : draft.code().strip();
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(prefix + "code", "Code '" + code + "' is invalid. Use 1 to 60 lower-case "
                    + "letters, digits and hyphens, such as hiring-plans."));
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            problems.add(new FieldProblem(prefix + "text", "Question text is " + (text.isEmpty() ? "missing" : "too long ("
                    + text.length() + " characters)") + ". Enter the question in 1 to " + MAX_TEXT_LENGTH + " characters."));
        }
        Topic topic = parse(Topic.class, draft.topic(), prefix + "topic", "Topic", problems);
        AnswerType type = parse(AnswerType.class, draft.answerType(), prefix + "answerType", "Answer type", problems);
        ProfileFact fact = null;
        if (draft.profileFact() != null && !draft.profileFact().isBlank()) {
            fact = ProfileFact.ofName(draft.profileFact().strip()).orElse(null);
            if (fact == null) {
                problems.add(new FieldProblem(prefix + "profileFact", "Profile fact '" + draft.profileFact()
                        + "' is unknown. Use one of " + String.join(", ",
                        java.util.Arrays.stream(ProfileFact.values()).map(ProfileFact::factName).toList())
                        + ", or none."));
            }
        }
        boolean multiple = type == AnswerType.CHOICE && Boolean.TRUE.equals(draft.multiple());
        if (fact != null && type != null && (fact.answerType() != type || fact.multiple() != multiple)) {
            problems.add(new FieldProblem(prefix + "profileFact", "Profile fact '" + fact.factName() + "' needs answer "
                    + "type " + fact.answerType() + (fact.answerType() == AnswerType.CHOICE
                    ? (fact.multiple() ? " with more than one choice allowed" : " with one choice") : "")
                    + ". Change the answer type or the profile fact."));
        }
        List<OptionDraft> options = type == null ? draft.options() : options(type, fact, draft.options(), prefix, problems);
        if (problems.size() > before) {
            return draft;
        }
        return new QuestionDraft(code, topic.name(), text, type.name(), multiple, fact == null ? null : fact.factName(),
                draft.retired(), options);
    }

    /** Rejects two questions with the same code, or with the same profile fact, in one instrument. */
    static void checkUnique(List<QuestionDraft> questions, String prefix, List<FieldProblem> problems) {
        Set<String> codes = new HashSet<>();
        Set<String> facts = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            QuestionDraft question = questions.get(i);
            String path = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
            if (!codes.add(question.code())) {
                problems.add(new FieldProblem(path + "code", "Code '" + question.code() + "' is used by another "
                        + "question. Give each question its own code."));
            }
            if (question.profileFact() != null && !facts.add(question.profileFact())) {
                problems.add(new FieldProblem(path + "profileFact", "Profile fact '" + question.profileFact()
                        + "' is already mapped to another question. Map each fact to one question only."));
            }
        }
    }

    private static List<OptionDraft> options(AnswerType type, ProfileFact fact, List<OptionDraft> given, String prefix,
                                             List<FieldProblem> problems) {
        int before = problems.size();
        if (type == AnswerType.NUMBER || type == AnswerType.TEXT) {
            if (!given.isEmpty()) {
                problems.add(new FieldProblem(prefix + "options", type + " questions have no options and raise no "
                        + "needs. Remove the options, or change the answer type to YES_NO or CHOICE."));
            }
            return List.of();
        }
        if (given.size() > MAX_OPTIONS) {
            problems.add(new FieldProblem(prefix + "options", given.size() + " options is too many. Give at most "
                    + MAX_OPTIONS + "."));
            return given;
        }
        List<OptionDraft> options = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            OptionDraft option = given.get(i);
            String path = prefix + "options[" + i + "].";
            String value = option.value() == null ? "" : option.value().strip();
            if (type == AnswerType.YES_NO) {
                value = value.toLowerCase(Locale.ROOT);
                if (!value.equals("yes") && !value.equals("no")) {
                    problems.add(new FieldProblem(path + "value", "Option value '" + option.value() + "' is invalid "
                            + "for a yes or no question. Use yes or no."));
                    continue;
                }
            } else if (!OPTION_VALUE.matcher(value).matches()) {
                problems.add(new FieldProblem(path + "value", "Option value '" + value + "' is invalid. Use 1 to 60 "
                        + "letters, digits, hyphens, underscores and plus signs, such as NEW_SITE."));
                continue;
            } else if (fact != null && !fact.allowedValues().containsKey(value)) {
                problems.add(new FieldProblem(path + "value", "Option value '" + value + "' is not a value of profile "
                        + "fact '" + fact.factName() + "'. Use one of " + String.join(", ",
                        fact.allowedValues().keySet()) + "."));
                continue;
            }
            if (!values.add(value)) {
                problems.add(new FieldProblem(path + "value", "Option value '" + value + "' appears twice. Give each "
                        + "option its own value."));
                continue;
            }
            String label = option.label() == null || option.label().isBlank() ? defaultLabel(type, fact, value)
                    : option.label().strip();
            if (label == null) {
                problems.add(new FieldProblem(path + "label", "The label of option '" + value + "' is missing. Enter "
                        + "the text staff read for it."));
                continue;
            }
            List<String> needs = new ArrayList<>();
            for (String need : option.needCodes()) {
                String code = need == null ? "" : need.strip().toUpperCase(Locale.ROOT);
                if (code.isEmpty() || needs.contains(code)) {
                    continue;
                }
                Optional<FactCatalog.Need> known = FactCatalog.need(code);
                if (known.isEmpty()) {
                    problems.add(new FieldProblem(path + "needCodes", "Need '" + need + "' is unknown. Use one of "
                            + String.join(", ", FactCatalog.NEEDS.stream().map(FactCatalog.Need::code).toList()) + "."));
                    continue;
                }
                needs.add(code);
            }
            options.add(new OptionDraft(value, label, needs));
        }
        if (type == AnswerType.YES_NO) {
            return yesNoOptions(options);
        }
        if (options.size() < 2 && problems.size() == before) {
            problems.add(new FieldProblem(prefix + "options", "A choice question needs at least 2 options; it has "
                    + options.size() + ". Add the options staff choose from."));
        }
        return options;
    }

    /** Returns yes then no, adding whichever the editor left out, with no needs. */
    private static List<OptionDraft> yesNoOptions(List<OptionDraft> options) {
        OptionDraft yes = options.stream().filter(option -> option.value().equals("yes")).findFirst()
                .orElse(new OptionDraft("yes", "Yes", List.of()));
        OptionDraft no = options.stream().filter(option -> option.value().equals("no")).findFirst()
                .orElse(new OptionDraft("no", "No", List.of()));
        return List.of(yes, no);
    }

    private static String defaultLabel(AnswerType type, ProfileFact fact, String value) {
        if (type == AnswerType.YES_NO) {
            return value.equals("yes") ? "Yes" : "No";
        }
        return fact == null ? null : fact.allowedValues().get(value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String label,
                                               List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(new FieldProblem(field, label + " '" + (raw == null ? "" : raw) + "' is invalid. Use one of "
                + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "."));
        return null;
    }
}
