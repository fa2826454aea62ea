package org.onedoor.assessment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a needs assessment instrument, or an area's unpublished draft.
 *
 * @param areaId the area; {@code null} for the standard instrument that areas without their own use
 * @param version the version number; {@code null} for a draft
 * @param questions every question in order, retired ones included
 */
public record Instrument(long id, Long areaId, Integer version, Instant publishedAt, List<Question> questions) {

    /** The questions still asked, in order. */
    public List<Question> activeQuestions() {
        return questions.stream().filter(question -> !question.retired()).toList();
    }

    public Optional<Question> question(String code) {
        return questions.stream().filter(question -> question.code().equals(code)).findFirst();
    }

    public Optional<Question> question(long questionId) {
        return questions.stream().filter(question -> question.id() == questionId).findFirst();
    }

    /**
     * @param multiple for CHOICE, whether more than one option may be chosen
     * @param profileFact the profile fact that stores the answer, or {@code null}
     * @param options the answer options of YES_NO and CHOICE questions; empty for the others
     */
    public record Question(long id, int position, String code, Topic topic, String text, AnswerType answerType,
                           boolean multiple, ProfileFact profileFact, boolean retired, List<Option> options) {

        public Optional<Option> option(String value) {
            return options.stream().filter(option -> option.value().equals(value)).findFirst();
        }
    }

    /** @param needCodes the needs choosing this option raises, as codes of {@code FactCatalog.NEEDS} */
    public record Option(String value, String label, List<String> needCodes) {
    }
}
