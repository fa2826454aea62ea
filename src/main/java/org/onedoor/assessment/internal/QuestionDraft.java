package org.onedoor.assessment.internal;

import java.util.List;

import org.onedoor.assessment.internal.Instrument.Question;

/**
 * A question as an editor or API client enters it, before it is checked.
 *
 * @param topic a {@link Topic} name
 * @param answerType an {@link AnswerType} name
 * @param multiple for CHOICE, whether more than one option may be chosen; {@code null} means no
 * @param profileFact a {@link ProfileFact} name such as {@code layoff_announced}, or {@code null}
 * @param retired whether the question is no longer asked; {@code null} means no
 */
public record QuestionDraft(String code, String topic, String text, String answerType, Boolean multiple,
                            String profileFact, Boolean retired, List<OptionDraft> options) {

    public QuestionDraft {
        multiple = Boolean.TRUE.equals(multiple);
        retired = Boolean.TRUE.equals(retired);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** @param needCodes codes of {@code FactCatalog.NEEDS}; {@code null} means none */
    public record OptionDraft(String value, String label, List<String> needCodes) {

        public OptionDraft {
            needCodes = needCodes == null ? List.of() : List.copyOf(needCodes);
        }
    }

    /** Returns the draft of a stored question, to copy it into a new version or fill the edit form. */
    public static QuestionDraft of(Question question) {
        return new QuestionDraft(question.code(), question.topic().name(), question.text(),
                question.answerType().name(), question.multiple(),
                question.profileFact() == null ? null : question.profileFact().factName(), question.retired(),
                question.options().stream()
                        .map(option -> new OptionDraft(option.value(), option.label(), option.needCodes()))
                        .toList());
    }
}
