package org.onedoor.eligibility.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.eligibility.internal.PanelDirectory.PanelService;
import org.onedoor.eligibility.internal.PanelDirectory.RuleSet;

/**
 * The fields of a snapshot's services that ranking reads, as arrays indexed by the service's position in name order.
 * A request ranks every service in scope, so it reads these primitive arrays instead of one object per service.
 */
final class ServiceColumns {

    /** The capacity status of a service without fresh capacity figures. */
    static final byte UNKNOWN = 0;
    static final byte AVAILABLE = 1;
    static final byte FULL = 2;

    // A lookup table from id to position is used when it is at most this many times longer than the list of
    // services, as it is while ids are mostly consecutive. Otherwise a binary search finds the position.
    private static final int MAX_TABLE_SPREAD = 4;

    private final int size;
    private final int[] areaIndexes;
    private final int[] ruleSetIndexes;
    private final List<RuleSet> ruleSets;
    private final long[] partnerIds;
    private final int[] categoryIndexes;
    private final List<String> categoryCodes;
    private final long[] sortedIds;
    private final int[] positionsOfSortedIds;
    private final long firstId;
    private final int[] positionsById;

    private ServiceColumns(List<PanelService> services) {
        size = services.size();
        areaIndexes = new int[size];
        ruleSetIndexes = new int[size];
        partnerIds = new long[size];
        categoryIndexes = new int[size];
        Map<RuleSet, Integer> ruleSetNumbers = new IdentityHashMap<>();
        Map<String, Integer> categoryNumbers = new HashMap<>();
        List<RuleSet> distinctRuleSets = new ArrayList<>();
        List<String> distinctCategories = new ArrayList<>();
        long[][] idPositions = new long[size][];
        for (int position = 0; position < size; position++) {
            PanelService service = services.get(position);
            areaIndexes[position] = service.areaIndex();
            partnerIds[position] = service.partnerId();
            ruleSetIndexes[position] = ruleSetNumbers.computeIfAbsent(service.rules(), rules -> {
                distinctRuleSets.add(rules);
                return distinctRuleSets.size() - 1;
            });
            categoryIndexes[position] = categoryNumbers.computeIfAbsent(service.categoryCode(), code -> {
                distinctCategories.add(code);
                return distinctCategories.size() - 1;
            });
            idPositions[position] = new long[] {service.id(), position};
        }
        ruleSets = List.copyOf(distinctRuleSets);
        categoryCodes = List.copyOf(distinctCategories);

        Arrays.sort(idPositions, (a, b) -> Long.compare(a[0], b[0]));
        sortedIds = new long[size];
        positionsOfSortedIds = new int[size];
        for (int i = 0; i < size; i++) {
            sortedIds[i] = idPositions[i][0];
            positionsOfSortedIds[i] = (int) idPositions[i][1];
        }
        firstId = size == 0 ? 0 : sortedIds[0];
        long spread = size == 0 ? 0 : sortedIds[size - 1] - firstId + 1;
        if (size > 0 && spread <= (long) size * MAX_TABLE_SPREAD) {
            positionsById = new int[(int) spread];
            Arrays.fill(positionsById, -1);
            for (int i = 0; i < size; i++) {
                positionsById[(int) (sortedIds[i] - firstId)] = positionsOfSortedIds[i];
            }
        } else {
            positionsById = null;
        }
    }

    static ServiceColumns of(List<PanelService> services) {
        return new ServiceColumns(services);
    }

    int size() {
        return size;
    }

    int areaIndex(int position) {
        return areaIndexes[position];
    }

    int ruleSetIndex(int position) {
        return ruleSetIndexes[position];
    }

    long partnerId(int position) {
        return partnerIds[position];
    }

    int categoryIndex(int position) {
        return categoryIndexes[position];
    }

    /** Returns the distinct rule sets, which {@link #ruleSetIndex} numbers. */
    List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /** Returns the distinct category codes, which {@link #categoryIndex} numbers. */
    List<String> categoryCodes() {
        return categoryCodes;
    }

    /** Returns the position of the service with this id, or -1 when it is not an active service of the snapshot. */
    int positionOf(long serviceId) {
        if (positionsById != null) {
            long offset = serviceId - firstId;
            return offset < 0 || offset >= positionsById.length ? -1 : positionsById[(int) offset];
        }
        int found = Arrays.binarySearch(sortedIds, serviceId);
        return found < 0 ? -1 : positionsOfSortedIds[found];
    }

    /**
     * Returns the capacity status of each service by position, from the ids of the services with fresh capacity
     * figures: a positive id has room now and a negative id is full. Ids of services not in the snapshot, such as
     * inactive ones, are skipped.
     */
    byte[] capacityStatuses(long[] signedIds) {
        byte[] statuses = new byte[size];
        for (long signedId : signedIds) {
            int position = positionOf(Math.abs(signedId));
            if (position >= 0) {
                statuses[position] = signedId > 0 ? AVAILABLE : FULL;
            }
        }
        return statuses;
    }
}
