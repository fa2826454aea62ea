package org.onedoor.eligibility;

import java.util.Map;

/**
 * A fact that a rule may use, as a CEL variable.
 *
 * @param name the CEL identifier, such as {@code employee_band}
 * @param label the fact in plain words, such as "Employee count band"
 * @param question what staff are asked when the fact is missing
 * @param choices the values the fact takes, code to label, in order; empty when any value of its type is allowed
 */
public record Fact(String name, FactType type, String label, String question, Map<String, String> choices) {

    public Fact {
        choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
    }
}
