package org.onedoor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.eligibility.EligibilityResult.Status;
import org.onedoor.eligibility.internal.RuleCompiler;
import org.onedoor.eligibility.internal.RuleCompiler.InvalidExpressionException;
import org.onedoor.eligibility.internal.RuleEvaluator;

/** Evaluates rules over every kind of fact, with missing facts, without a database. */
class RuleEvaluatorTest {

    private final RuleCompiler compiler = new RuleCompiler();
    private final RuleEvaluator evaluator = new RuleEvaluator(compiler);

    private EligibilityResult evaluate(Combination combination, Map<String, Object> facts, String... expressions) {
        List<Rule> rules = java.util.Arrays.stream(expressions).map(expression -> new Rule("Rule " + expression,
                expression)).toList();
        return evaluator.evaluate(new ServiceRules(1, combination, rules), facts);
    }

    private EligibilityResult evaluate(Map<String, Object> facts, String expression) {
        return evaluate(Combination.ALL, facts, expression);
    }

    @Test
    void serviceWithoutRulesIsOpenToAll() {
        EligibilityResult result = evaluator.evaluate(ServiceRules.none(1), Map.of());

        assertThat(result.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(result.matched()).containsExactly("Open to every business");
    }

    @Test
    void eachKindOfFactDecides() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("naics_code", "332710");
        facts.put("naics_sector", "31-33");
        facts.put("employee_band", "20-49");
        facts.put("employee_band_min", 20L);
        facts.put("ownership_type", "NONPROFIT");
        facts.put("establishment_counties", List.of("18141", "18039"));
        facts.put("in_service_area", true);
        facts.put("years_in_operation", 12L);
        facts.put("layoff_announced", false);
        facts.put("hiring_needs", List.of("ON_THE_JOB_TRAINEES"));
        facts.put("hourly_wage_offered", 17.5);
        facts.put("hires_people_with_disabilities", true);
        facts.put("hires_veterans", false);

        Map<String, Status> cases = new java.util.LinkedHashMap<>();
        cases.put("naics_code.startsWith('3327')", Status.ELIGIBLE);
        cases.put("naics_sector in ['44-45', '72']", Status.NOT_ELIGIBLE);
        cases.put("employee_band in ['1-4', '5-9', '10-19', '20-49']", Status.ELIGIBLE);
        cases.put("employee_band_min < 500", Status.ELIGIBLE);
        cases.put("ownership_type == 'FOR_PROFIT'", Status.NOT_ELIGIBLE);
        cases.put("'18141' in establishment_counties", Status.ELIGIBLE);
        cases.put("in_service_area", Status.ELIGIBLE);
        cases.put("years_in_operation >= 2", Status.ELIGIBLE);
        cases.put("layoff_announced", Status.NOT_ELIGIBLE);
        cases.put("'ON_THE_JOB_TRAINEES' in hiring_needs", Status.ELIGIBLE);
        cases.put("hiring_needs.exists(need, need in ['APPRENTICES', 'SEASONAL'])", Status.NOT_ELIGIBLE);
        cases.put("hourly_wage_offered >= 18.0", Status.NOT_ELIGIBLE);
        cases.put("hires_people_with_disabilities", Status.ELIGIBLE);
        cases.put("!hires_veterans", Status.ELIGIBLE);
        cases.forEach((expression, expected) -> assertThat(evaluate(facts, expression).status())
                .as(expression)
                .isEqualTo(expected));
    }

    @Test
    void missingFactGivesUnknownNamingIt() {
        EligibilityResult result = evaluate(Map.of("employee_band_min", 20L), "layoff_announced && employee_band_min < 500");

        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.missingFacts()).extracting(EligibilityResult.MissingFact::name).containsExactly("layoff_announced");
    }

    @Test
    void macroOverMissingListIsUnknown() {
        EligibilityResult result = evaluate(Map.of(), "hiring_needs.exists(need, need == 'SEASONAL')");

        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.missingFacts()).extracting(EligibilityResult.MissingFact::name).containsExactly("hiring_needs");
    }

    @Test
    void orWithTrueSideIgnoresMissingFact() {
        EligibilityResult result = evaluate(Map.of("hires_veterans", true), "hires_veterans || layoff_announced");

        assertThat(result.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(result.missingFacts()).isEmpty();
    }

    @Test
    void andWithFalseSideIgnoresMissingFact() {
        EligibilityResult result = evaluate(Map.of("hires_veterans", false), "layoff_announced && hires_veterans");

        assertThat(result.status()).isEqualTo(Status.NOT_ELIGIBLE);
        assertThat(result.failed()).containsExactly("Rule layoff_announced && hires_veterans");
    }

    @Test
    void allFailsOnOneFalseRule() {
        EligibilityResult result = evaluate(Combination.ALL, Map.of("hires_veterans", false), "layoff_announced",
                "hires_veterans");

        assertThat(result.status()).isEqualTo(Status.NOT_ELIGIBLE);
        assertThat(result.failed()).containsExactly("Rule hires_veterans");
    }

    @Test
    void anyHoldsOnOneTrueRule() {
        EligibilityResult result = evaluate(Combination.ANY, Map.of("hires_veterans", true), "layoff_announced",
                "hires_veterans");

        assertThat(result.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(result.matched()).containsExactly("Rule hires_veterans");
    }

    @Test
    void unknownListsOnlyDecidingFacts() {
        EligibilityResult result = evaluate(Combination.ANY, Map.of("hires_veterans", false), "layoff_announced",
                "hires_veterans", "years_in_operation > 2 && hourly_wage_offered > 15.0");

        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.missingFacts()).extracting(EligibilityResult.MissingFact::name)
                .containsExactly("years_in_operation", "layoff_announced", "hourly_wage_offered");
    }

    @Test
    void compilerRejectsUnknownFact() {
        assertThatThrownBy(() -> compiler.check("employee_count < 500"))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("unknown fact 'employee_count'")
                .hasMessageContaining("employee_band_min");
    }

    @Test
    void compilerRejectsTypeError() {
        assertThatThrownBy(() -> compiler.check("employee_band < 500"))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("employee_band < 500")
                .hasMessageContaining("employee_band is text")
                .hasMessageNotContaining("protobuf");
        assertThatThrownBy(() -> compiler.check("naics_code"))
                .isInstanceOf(InvalidExpressionException.class);
    }
}
