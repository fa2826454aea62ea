package org.onedoor.eligibility;

import java.util.List;

/** The eligibility rules of one service; without rules the service is open to every business. */
public record ServiceRules(long serviceId, Combination combination, List<Rule> rules) {

    public ServiceRules {
        rules = List.copyOf(rules);
    }

    public static ServiceRules none(long serviceId) {
        return new ServiceRules(serviceId, Combination.ALL, List.of());
    }

    /** Describes how the rules combine, as the service page shows it. */
    public String summary() {
        if (rules.isEmpty()) {
            return "Open to every business.";
        }
        if (rules.size() == 1) {
            return "A business must meet this rule:";
        }
        return combination == Combination.ALL ? "A business must meet all of these rules:"
                : "A business must meet at least one of these rules:";
    }
}
