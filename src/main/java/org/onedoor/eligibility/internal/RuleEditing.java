package org.onedoor.eligibility.internal;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceSummary;
import org.onedoor.eligibility.Combination;
import org.onedoor.eligibility.Rule;
import org.onedoor.eligibility.ServiceRules;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces the rules of a service after checking that the user administers its partner and that every expression
 * compiles against the declared facts. Nothing is saved when any rule is rejected.
 */
@Service
public class RuleEditing {

    private static final Logger log = LoggerFactory.getLogger(RuleEditing.class);

    /** More rules than this would be hard to read as one service's eligibility. */
    static final int MAX_RULES = 50;
    static final int MAX_LABEL_LENGTH = 300;
    static final int MAX_EXPRESSION_LENGTH = 2000;

    private final Directory directory;
    private final RuleStore store;
    private final RuleCompiler compiler;

    RuleEditing(Directory directory, RuleStore store, RuleCompiler compiler) {
        this.directory = directory;
        this.store = store;
        this.compiler = compiler;
    }

    /**
     * Rejects users who may not change the rules of the service.
     *
     * @throws NotFoundException for an unknown service
     * @throws AccessDeniedException unless the user is an administrator or a partner administrator of the service's
     *                               partner
     */
    public ServiceSummary checkEditor(long serviceId, CurrentUser user) {
        ServiceSummary service = directory.findService(serviceId)
                .orElseThrow(() -> NotFoundException.of("Service", serviceId));
        if (user == null || !user.canAdministerPartner(service.partnerId())) {
            log.info("Rejected a change to the rules of service {} by user {}", serviceId, user == null ? null : user.id());
            throw new AccessDeniedException("Only administrators of " + service.partnerName()
                    + " may change the eligibility rules of its services.");
        }
        return service;
    }

    /**
     * Replaces the rules of a service.
     *
     * @param combination {@code ALL} or {@code ANY}; {@code null} means {@code ALL}
     * @throws InvalidInputException naming each invalid rule by its position, such as {@code rules[1].expression}
     */
    @Transactional
    public ServiceRules replace(long serviceId, String combination, List<RuleDraft> drafts, CurrentUser user) {
        checkEditor(serviceId, user);
        List<FieldProblem> problems = new ArrayList<>();
        Combination chosen = combination(combination, problems);
        if (drafts.size() > MAX_RULES) {
            problems.add(new FieldProblem("rules", drafts.size() + " rules were given, but a service may have at most "
                    + MAX_RULES + ". Combine conditions with && or || inside a rule."));
        }

        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < drafts.size() && i < MAX_RULES; i++) {
            Rule rule = rule("rules[" + i + "]", drafts.get(i), problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            log.info("Rejected the rules of service {} from user {}: {} problems", serviceId, user.id(), problems.size());
            throw new InvalidInputException(problems);
        }

        ServiceRules saved = new ServiceRules(serviceId, chosen, rules);
        store.replace(saved, user.id());
        log.info("Service {} now has {} eligibility rules combined with {}, set by user {}", serviceId, rules.size(),
                chosen, user.id());
        return saved;
    }

    private static Combination combination(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Combination.ALL;
        }
        try {
            return Combination.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("combination", "Combination '" + value + "' is invalid. Use ALL (every "
                    + "rule must hold) or ANY (one rule is enough)."));
            return null;
        }
    }

    private Rule rule(String path, RuleDraft draft, List<FieldProblem> problems) {
        String expression = draft.expression() == null ? null : draft.expression().strip();
        String label = draft.label() == null ? "" : draft.label().strip();
        if (draft.isBuilt()) {
            RuleBuilder.Built built = RuleBuilder.build(path, draft, problems);
            if (built == null) {
                return null;
            }
            expression = built.expression();
            label = label.isEmpty() ? built.label() : label;
        }
        int before = problems.size();
        if (label.isEmpty()) {
            problems.add(new FieldProblem(path + ".label", "Label is missing. Describe the rule in plain words, such "
                    + "as \"Employer has fewer than 500 employees\"."));
        } else if (label.length() > MAX_LABEL_LENGTH) {
            problems.add(new FieldProblem(path + ".label", "Label is " + label.length() + " characters long. Shorten "
                    + "it to at most " + MAX_LABEL_LENGTH + "."));
        }
        if (expression != null && expression.length() > MAX_EXPRESSION_LENGTH) {
            problems.add(new FieldProblem(path + ".expression", "Expression is " + expression.length()
                    + " characters long. Shorten it to at most " + MAX_EXPRESSION_LENGTH + ", or split it into rules."));
        } else {
            try {
                compiler.check(expression);
            } catch (RuleCompiler.InvalidExpressionException e) {
                problems.add(new FieldProblem(path + ".expression", e.getMessage()));
            }
        }
        return problems.size() == before ? new Rule(label, expression) : null;
    }
}
