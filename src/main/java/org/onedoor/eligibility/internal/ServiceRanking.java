package org.onedoor.eligibility.internal;

import java.util.List;

import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.internal.PanelDirectory.RuleSet;
import org.onedoor.shared.PageRequest;

/**
 * The rank of every service of a snapshot for one request, by position in name order. The rank is 0 for eligible
 * and available, 1 for eligible with availability unknown, 2 for eligible but full, 3 for eligibility unknown and 4
 * for not eligible. Services out of scope or filtered out have no rank. The positions are in name order, so each rank
 * keeps that order, and a page is found without sorting.
 */
final class ServiceRanking {

    private static final int RANKS = 5;
    private static final byte NO_RANK = -1;

    private final byte[] ranks;
    private final long[] rankSizes;

    private ServiceRanking(byte[] ranks, long[] rankSizes) {
        this.ranks = ranks;
        this.rankSizes = rankSizes;
    }

    /**
     * Ranks the services in one pass over the columns.
     *
     * @param areas the results for each area by area index, {@code null} for an area out of scope
     * @param partnerId the partner filter, {@code null} for every partner
     * @param categoriesAllowed whether each category index passes the filter, {@code null} for every category
     * @param capacity the capacity status of each service by position, from {@link ServiceColumns#capacityStatuses}
     */
    static ServiceRanking rank(ServiceColumns columns, RuleSetResults[] areas, Long partnerId,
                               boolean[] categoriesAllowed, byte[] capacity) {
        byte[] ranks = new byte[columns.size()];
        long[] rankSizes = new long[RANKS];
        for (int position = 0; position < ranks.length; position++) {
            RuleSetResults results = areas[columns.areaIndex(position)];
            if (results == null
                    || (partnerId != null && columns.partnerId(position) != partnerId)
                    || (categoriesAllowed != null && !categoriesAllowed[columns.categoryIndex(position)])) {
                ranks[position] = NO_RANK;
                continue;
            }
            byte rank = switch (results.result(columns.ruleSetIndex(position)).status()) {
                case ELIGIBLE -> switch (capacity[position]) {
                    case ServiceColumns.AVAILABLE -> 0;
                    case ServiceColumns.FULL -> 2;
                    default -> 1;
                };
                case UNKNOWN -> 3;
                case NOT_ELIGIBLE -> 4;
            };
            ranks[position] = rank;
            rankSizes[rank]++;
        }
        return new ServiceRanking(ranks, rankSizes);
    }

    /** Returns the number of ranked services, on all pages. */
    long total() {
        long total = 0;
        for (long size : rankSizes) {
            total += size;
        }
        return total;
    }

    ServiceOptionsPage.Counts counts() {
        return new ServiceOptionsPage.Counts(rankSizes[0] + rankSizes[1] + rankSizes[2], rankSizes[0], rankSizes[3],
                rankSizes[4]);
    }

    /** Returns the positions of the services on the requested page, in rank order and then name order. */
    int[] page(PageRequest pageRequest) {
        long offset = pageRequest.offset();
        long total = total();
        if (offset >= total) {
            return new int[0];
        }
        int count = (int) Math.min(pageRequest.size(), total - offset);
        // The index over all pages of the next service of each rank.
        long[] nextIndex = new long[RANKS];
        long start = 0;
        for (int rank = 0; rank < RANKS; rank++) {
            nextIndex[rank] = start;
            start += rankSizes[rank];
        }
        int[] positions = new int[count];
        int found = 0;
        for (int position = 0; position < ranks.length && found < count; position++) {
            byte rank = ranks[position];
            if (rank == NO_RANK) {
                continue;
            }
            long index = nextIndex[rank]++;
            if (index >= offset && index < offset + count) {
                positions[(int) (index - offset)] = position;
                found++;
            }
        }
        return positions;
    }

    /** The results of a snapshot's distinct rule sets for one set of facts, each evaluated when first needed. */
    static final class RuleSetResults {

        private final RuleEvaluator.FactsEvaluation evaluation;
        private final List<RuleSet> ruleSets;
        private final EligibilityResult[] results;

        RuleSetResults(RuleEvaluator.FactsEvaluation evaluation, List<RuleSet> ruleSets) {
            this.evaluation = evaluation;
            this.ruleSets = ruleSets;
            this.results = new EligibilityResult[ruleSets.size()];
        }

        EligibilityResult result(int ruleSetIndex) {
            EligibilityResult result = results[ruleSetIndex];
            if (result == null) {
                RuleSet rules = ruleSets.get(ruleSetIndex);
                result = evaluation.evaluate(rules.combination(), rules.rules());
                results[ruleSetIndex] = result;
            }
            return result;
        }
    }
}
