package org.onedoor.eligibility;

import java.util.List;

/**
 * The outcome of a service's rules for one business, with its reasons in plain words.
 *
 * @param matched labels of the rules that held; for a service without rules, "Open to every business"
 * @param failed labels of the rules that did not hold
 * @param missingFacts for {@link Status#UNKNOWN}, exactly the facts whose values would decide the result
 */
public record EligibilityResult(Status status, List<String> matched, List<String> failed,
                                List<MissingFact> missingFacts) {

    public enum Status { ELIGIBLE, NOT_ELIGIBLE, UNKNOWN }

    /**
     * A fact that would decide the result, without the choices of its {@link Fact}, so results for thousands of
     * services stay small.
     *
     * @param name the fact's CEL identifier, as in {@link FactCatalog}
     */
    public record MissingFact(String name, String label, String question) {

        public static MissingFact of(Fact fact) {
            return new MissingFact(fact.name(), fact.label(), fact.question());
        }
    }

    public EligibilityResult {
        matched = List.copyOf(matched);
        failed = List.copyOf(failed);
        missingFacts = List.copyOf(missingFacts);
    }

    /** Returns the result in one sentence, such as "Not eligible: Employer has fewer than 500 employees." */
    public String summary() {
        return switch (status) {
            case ELIGIBLE -> "Eligible: " + String.join("; ", matched) + ".";
            case NOT_ELIGIBLE -> "Not eligible: " + String.join("; ", failed) + ".";
            case UNKNOWN -> "Eligibility unknown. Missing: "
                    + String.join("; ", missingFacts.stream().map(MissingFact::label).toList()) + ".";
        };
    }
}
