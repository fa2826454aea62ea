package org.onedoor.eligibility.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.onedoor.eligibility.Fact;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.FactType;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/** Builds a CEL expression and a plain-language label from a fact, an operator and values. */
public final class RuleBuilder {

    /** The operators of the rule form, with the fact types each applies to and how a label reads it. */
    public enum Operator {
        EQUALS("is", Set.of(FactType.STRING, FactType.INT, FactType.DOUBLE)),
        ONE_OF("is one of", Set.of(FactType.STRING)),
        STARTS_WITH("starts with", Set.of(FactType.STRING)),
        LESS_THAN("is less than", Set.of(FactType.INT, FactType.DOUBLE)),
        AT_MOST("is at most", Set.of(FactType.INT, FactType.DOUBLE)),
        GREATER_THAN("is more than", Set.of(FactType.INT, FactType.DOUBLE)),
        AT_LEAST("is at least", Set.of(FactType.INT, FactType.DOUBLE)),
        IS_YES("is yes", Set.of(FactType.BOOL)),
        IS_NO("is no", Set.of(FactType.BOOL)),
        CONTAINS("includes", Set.of(FactType.STRING_LIST)),
        CONTAINS_ANY("includes any of", Set.of(FactType.STRING_LIST));

        private final String words;
        private final Set<FactType> types;

        Operator(String words, Set<FactType> types) {
            this.words = words;
            this.types = types;
        }

        public String words() {
            return words;
        }

        boolean takesValues() {
            return this != IS_YES && this != IS_NO;
        }

        boolean takesManyValues() {
            return this == ONE_OF || this == CONTAINS_ANY;
        }
    }

    private RuleBuilder() {
    }

    /** A built expression with its default label. */
    record Built(String expression, String label) {
    }

    /**
     * Builds the expression of a draft, adding a problem under {@code path} and returning {@code null} when the fact,
     * operator or values do not fit together.
     */
    static Built build(String path, RuleDraft draft, List<FieldProblem> problems) {
        Fact fact = FactCatalog.find(draft.fact().strip()).orElse(null);
        if (fact == null) {
            problems.add(new FieldProblem(path + ".fact", "Fact '" + draft.fact() + "' is unknown. Choose one of "
                    + FactCatalog.names() + "."));
            return null;
        }
        Operator operator = operator(path, draft.operator(), fact, problems);
        if (operator == null) {
            return null;
        }
        List<String> values = draft.values().stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
        if (operator.takesValues() && values.isEmpty()) {
            problems.add(new FieldProblem(path + ".values", "Value is missing for '" + fact.label() + " "
                    + operator.words() + "'. Enter a value" + choicesHint(fact) + "."));
            return null;
        }
        if (operator.takesValues() && !operator.takesManyValues() && values.size() > 1) {
            problems.add(new FieldProblem(path + ".values", "'" + operator.words() + "' takes one value, but "
                    + values.size() + " were given. Use 'is one of' or 'includes any of' for several values."));
            return null;
        }
        List<String> literals = new ArrayList<>();
        for (String value : values) {
            String literal = literal(path, fact, value, problems);
            if (literal == null) {
                return null;
            }
            literals.add(literal);
        }

        String condition = condition(fact.name(), operator, literals);
        String label = fact.label() + " " + operator.words() + (values.isEmpty() ? "" : " " + shown(fact, values));
        return draft.isNegated() ? new Built("!(" + condition + ")", "Not: " + label) : new Built(condition, label);
    }

    private static Operator operator(String path, String name, Fact fact, List<FieldProblem> problems) {
        Operator operator = null;
        try {
            operator = name == null ? null : Operator.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below with the operators that fit the fact
        }
        if (operator == null || !operator.types.contains(fact.type())) {
            List<String> fitting = java.util.Arrays.stream(Operator.values())
                    .filter(candidate -> candidate.types.contains(fact.type()))
                    .map(Enum::name)
                    .toList();
            problems.add(new FieldProblem(path + ".operator", "Operator '" + name + "' does not apply to "
                    + fact.label() + " (" + fact.type().description() + "). Use one of " + String.join(", ", fitting)
                    + "."));
            return null;
        }
        return operator;
    }

    private static String condition(String fact, Operator operator, List<String> literals) {
        return switch (operator) {
            case EQUALS -> fact + " == " + literals.get(0);
            case ONE_OF -> fact + " in [" + String.join(", ", literals) + "]";
            case STARTS_WITH -> fact + ".startsWith(" + literals.get(0) + ")";
            case LESS_THAN -> fact + " < " + literals.get(0);
            case AT_MOST -> fact + " <= " + literals.get(0);
            case GREATER_THAN -> fact + " > " + literals.get(0);
            case AT_LEAST -> fact + " >= " + literals.get(0);
            case IS_YES -> fact;
            case IS_NO -> "!" + fact;
            case CONTAINS -> literals.get(0) + " in " + fact;
            case CONTAINS_ANY -> fact + ".exists(value, value in [" + String.join(", ", literals) + "])";
        };
    }

    /** Writes a value as a CEL literal of the fact's type, checking it against the fact's choices. */
    private static String literal(String path, Fact fact, String value, List<FieldProblem> problems) {
        switch (fact.type()) {
            case INT -> {
                try {
                    return Long.toString(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(path + ".values", "Value '" + value + "' is not a whole number, "
                            + "but " + fact.label() + " is one. Enter digits only, such as 500."));
                    return null;
                }
            }
            case DOUBLE -> {
                try {
                    return Double.toString(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(path + ".values", "Value '" + value + "' is not a number, but "
                            + fact.label() + " is one. Enter a number such as 18.50."));
                    return null;
                }
            }
            default -> {
                if (!fact.choices().isEmpty() && !fact.choices().containsKey(value)) {
                    problems.add(new FieldProblem(path + ".values", "Value '" + value + "' is not one of the values of "
                            + fact.label() + ". Use " + String.join(", ", fact.choices().keySet()) + "."));
                    return null;
                }
                return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
            }
        }
    }

    private static String shown(Fact fact, List<String> values) {
        List<String> labels = values.stream().map(value -> fact.choices().getOrDefault(value, value)).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    private static String choicesHint(Fact fact) {
        return fact.choices().isEmpty() ? "" : ", one of " + String.join(", ", fact.choices().keySet());
    }
}
