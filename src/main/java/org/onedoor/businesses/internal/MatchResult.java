package org.onedoor.businesses.internal;

import java.util.List;

/**
 * The score of one pair of business records and the evidence behind it, strongest first.
 *
 * @param score the probability-like score in [0, 1] that both records are the same business
 */
public record MatchResult(double score, List<MatchEvidence> evidence) {

    public MatchResult {
        evidence = List.copyOf(evidence);
    }

    public boolean has(MatchEvidence.Kind kind) {
        return evidence.stream().anyMatch(item -> item.kind() == kind);
    }

    public List<String> reasons() {
        return evidence.stream().map(MatchEvidence::reason).toList();
    }
}
