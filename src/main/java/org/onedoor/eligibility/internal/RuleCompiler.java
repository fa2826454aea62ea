package org.onedoor.eligibility.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.eligibility.Fact;
import org.onedoor.eligibility.FactCatalog;
import org.springframework.stereotype.Component;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Compiles rule expressions against the declared facts and keeps one program per distinct expression text, so
 * evaluating thousands of services compiles each expression once.
 */
@Component
public class RuleCompiler {

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

    // Unknown tracking makes a missing fact evaluate to an unknown value that logical operators absorb where they
    // can, so "a || b" with a true is true even when b is unknown.
    private static final CelOptions OPTIONS = CelOptions.current().enableUnknownTracking(true).build();

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    // NOTE: one entry per distinct expression ever evaluated; saved rules bound the count, since only saved
    // expressions are evaluated.
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    public RuleCompiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        for (Fact fact : FactCatalog.FACTS) {
            builder.addVar(fact.name(), fact.type().celType());
        }
        compiler = builder.build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    }

    /** A rule expression that does not compile, with a message that names the problem and the facts available. */
    public static class InvalidExpressionException extends RuntimeException {

        InvalidExpressionException(String message) {
            super(message);
        }
    }

    /**
     * Checks that an expression compiles to a bool over the declared facts.
     *
     * @throws InvalidExpressionException naming an unknown identifier or describing the type error
     */
    public void check(String expression) {
        compile(expression);
    }

    /** Returns the program of an expression, compiling it on first use. */
    CelRuntime.Program program(String expression) {
        return programs.computeIfAbsent(expression, text -> {
            try {
                return runtime.createProgram(compile(text));
            } catch (CelEvaluationException e) {
                throw new InvalidExpressionException("Expression '" + text + "' could not be prepared: "
                        + e.getMessage());
            }
        });
    }

    private CelAbstractSyntaxTree compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidExpressionException("Expression is missing. Write a CEL expression such as "
                    + "employee_band_min < 500, using the facts " + FactCatalog.names() + ".");
        }
        try {
            return compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new InvalidExpressionException(describe(expression, e.getErrors()));
        }
    }

    /** Lists the facts the expression names with their types, such as "employee_band is text." */
    private static String typesOf(String expression) {
        List<String> types = FactCatalog.FACTS.stream()
                .filter(fact -> Pattern.compile("\\b" + Pattern.quote(fact.name()) + "\\b").matcher(expression).find())
                .map(fact -> fact.name() + " is " + fact.type().description())
                .toList();
        return types.isEmpty() ? "" : String.join(", ", types) + ". ";
    }

    private static String describe(String expression, List<CelIssue> issues) {
        for (CelIssue issue : issues) {
            Matcher undeclared = UNDECLARED.matcher(issue.getMessage());
            if (undeclared.find()) {
                return "Expression '" + expression + "' refers to unknown fact '" + undeclared.group(1)
                        + "'. Use only these facts: " + FactCatalog.names() + ".";
            }
        }
        if (issues.stream().anyMatch(issue -> issue.getMessage().contains("found no matching overload"))) {
            return "Expression '" + expression + "' combines values of different types. " + typesOf(expression)
                    + "Compare each fact with a value of its own type, such as employee_band_min >= 20 or "
                    + "employee_band == '20-49'.";
        }
        String messages = String.join("; ", issues.stream().map(CelIssue::getMessage).toList());
        return "Expression '" + expression + "' is invalid: " + messages + ". A rule must be true or false over "
                + "the facts " + FactCatalog.names() + ".";
    }
}
