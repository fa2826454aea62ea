package org.onedoor.eligibility.internal;

import java.util.List;

/**
 * A rule as a form or the API sends it: either an expression written by hand, or a fact, an operator and values
 * from which the expression is built.
 *
 * @param label the rule in plain words; when blank, a label is made from the fact, operator and values
 * @param expression a CEL expression; when blank, it is built from {@code fact}, {@code operator} and {@code values}
 * @param operator a {@link RuleBuilder.Operator} name
 * @param negate whether the built condition is negated; {@code null} means no
 */
public record RuleDraft(String label, String expression, String fact, String operator, List<String> values,
                        Boolean negate) {

    public RuleDraft {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static RuleDraft ofExpression(String label, String expression) {
        return new RuleDraft(label, expression, null, null, List.of(), null);
    }

    boolean isNegated() {
        return Boolean.TRUE.equals(negate);
    }

    boolean isBuilt() {
        return (expression == null || expression.isBlank()) && fact != null && !fact.isBlank();
    }
}
