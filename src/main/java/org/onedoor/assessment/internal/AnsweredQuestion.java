package org.onedoor.assessment.internal;

import org.onedoor.assessment.internal.Instrument.Question;
import org.onedoor.businesses.BusinessProfile;

/**
 * A question with its current answer, as the assessment page and API show it.
 *
 * @param answer the canonical answer, or {@code null} when not answered
 * @param answerText the answer as staff read it: option labels, or the number or text
 * @param fromProfile whether the answer is the business profile's value, which the assessment does not ask again
 * @param provenance who collected the profile's value and when; {@code null} for other answers
 */
public record AnsweredQuestion(Question question, String answer, String answerText, boolean fromProfile,
                               BusinessProfile.Fact provenance) {
}
