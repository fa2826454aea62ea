package org.onedoor.eligibility;

/**
 * One eligibility rule.
 *
 * @param label the rule in plain words, such as "Employer has fewer than 500 employees"
 * @param expression a CEL expression of type bool over the facts of {@link FactCatalog}
 */
public record Rule(String label, String expression) {
}
