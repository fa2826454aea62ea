package org.onedoor.eligibility.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.eligibility.Combination;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.EligibilityResult.Status;
import org.onedoor.eligibility.Fact;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.Rule;
import org.onedoor.eligibility.ServiceRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.cel.runtime.CelAttribute;
import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.PartialVars;

/**
 * Evaluates a service's rules against known facts. A missing fact is a CEL unknown, so a rule whose value does not
 * depend on it still decides, and only the facts that would decide the result are reported missing.
 */
@Component
public class RuleEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);

    static final String OPEN_TO_ALL = "Open to every business";

    private final RuleCompiler compiler;

    public RuleEvaluator(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** Outcome of one rule: true, false, or unknown with the facts it waits for. */
    private record Outcome(Rule rule, Boolean value, Set<String> missing) {
    }

    /**
     * Evaluates the rules.
     *
     * @param facts the known facts by name; a fact absent from the map is missing
     */
    public EligibilityResult evaluate(ServiceRules rules, Map<String, Object> facts) {
        return forFacts(facts).evaluate(rules);
    }

    /**
     * Prepares the evaluation of many services against the same facts. The outcome of an expression depends only on
     * the facts, so the returned evaluation computes each distinct expression once.
     *
     * @param facts the known facts by name; a fact absent from the map is missing
     */
    public FactsEvaluation forFacts(Map<String, Object> facts) {
        List<CelAttributePattern> unknowns = FactCatalog.FACTS.stream()
                .map(Fact::name)
                .filter(name -> !facts.containsKey(name))
                .map(CelAttributePattern::create)
                .toList();
        return new FactsEvaluation(PartialVars.of(name -> java.util.Optional.ofNullable(facts.get(name)), unknowns));
    }

    /** Evaluations against one set of facts, keeping each expression's value. Not thread-safe. */
    public final class FactsEvaluation {

        private final PartialVars variables;
        private final Map<String, ExpressionValue> values = new HashMap<>();

        private FactsEvaluation(PartialVars variables) {
            this.variables = variables;
        }

        public EligibilityResult evaluate(ServiceRules rules) {
            return evaluate(rules.combination(), rules.rules());
        }

        /** Evaluates rules that combine as given. Without rules, the result is open to every business. */
        public EligibilityResult evaluate(Combination combination, List<Rule> rules) {
            if (rules.isEmpty()) {
                return new EligibilityResult(Status.ELIGIBLE, List.of(OPEN_TO_ALL), List.of(), List.of());
            }
            List<Outcome> ruleOutcomes = new ArrayList<>();
            for (Rule rule : rules) {
                ExpressionValue value = valueOf(rule.expression());
                ruleOutcomes.add(new Outcome(rule, value.value(), value.missing()));
            }
            return combine(combination, ruleOutcomes);
        }

        /**
         * Returns the value of one expression: true, false, or {@code null} when it depends on missing facts. An
         * expression that fails to evaluate is false, as it is in {@link #evaluate(ServiceRules)}.
         */
        public Boolean value(String expression) {
            return valueOf(expression).value();
        }

        private ExpressionValue valueOf(String expression) {
            return values.computeIfAbsent(expression, text -> RuleEvaluator.this.evaluate(text, variables));
        }
    }

    /** The value of one expression: true, false, or {@code null} with the facts it waits for. */
    private record ExpressionValue(Boolean value, Set<String> missing) {
    }

    private ExpressionValue evaluate(String expression, PartialVars variables) {
        try {
            Object value = compiler.program(expression).eval(variables);
            if (value instanceof Boolean bool) {
                return new ExpressionValue(bool, Set.of());
            }
            if (value instanceof CelUnknownSet unknown) {
                Set<String> missing = new LinkedHashSet<>();
                for (CelAttribute attribute : unknown.attributes()) {
                    missing.add(attribute.qualifiers().get(0).asString());
                }
                return new ExpressionValue(null, missing);
            }
            log.warn("Rule expression '{}' returned {} instead of true or false; counted as not met", expression,
                    value);
        } catch (CelEvaluationException | RuleCompiler.InvalidExpressionException e) {
            log.warn("Rule expression '{}' failed to evaluate; counted as not met", expression, e);
        }
        return new ExpressionValue(false, Set.of());
    }

    private static EligibilityResult combine(Combination combination, List<Outcome> outcomes) {
        List<String> matched = labels(outcomes, Boolean.TRUE);
        List<String> failed = labels(outcomes, Boolean.FALSE);
        Set<String> missing = new LinkedHashSet<>();
        outcomes.stream().filter(outcome -> outcome.value() == null).forEach(outcome -> missing.addAll(outcome.missing()));

        boolean decided = combination == Combination.ALL ? !failed.isEmpty() : !matched.isEmpty();
        if (decided) {
            return combination == Combination.ALL
                    ? new EligibilityResult(Status.NOT_ELIGIBLE, List.of(), failed, List.of())
                    : new EligibilityResult(Status.ELIGIBLE, matched, List.of(), List.of());
        }
        if (!missing.isEmpty()) {
            List<EligibilityResult.MissingFact> missingFacts = FactCatalog.FACTS.stream()
                    .filter(fact -> missing.contains(fact.name()))
                    .map(EligibilityResult.MissingFact::of)
                    .toList();
            return new EligibilityResult(Status.UNKNOWN, matched, failed, missingFacts);
        }
        return combination == Combination.ALL
                ? new EligibilityResult(Status.ELIGIBLE, matched, List.of(), List.of())
                : new EligibilityResult(Status.NOT_ELIGIBLE, List.of(), failed, List.of());
    }

    private static List<String> labels(List<Outcome> outcomes, Boolean value) {
        return outcomes.stream().filter(outcome -> value.equals(outcome.value())).map(o -> o.rule().label()).toList();
    }
}
