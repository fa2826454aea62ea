package org.onedoor.businesses;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one business, with where each fact came from.
 *
 * @param naicsTitle the NAICS 2022 title of {@code naicsCode}, or {@code null} when there is no code
 */
public record BusinessProfile(long id, String legalName, String fein, String naicsCode, String naicsTitle,
                              String website, Instant createdAt, Instant updatedAt, List<TradeName> tradeNames,
                              List<Establishment> establishments, List<SourceRecord> sourceRecords,
                              List<HistoryEntry> history) {

    public record TradeName(long id, String name, Instant addedAt) {
    }

    /** @param addressText the address on one line, or "(no address)" */
    public record Establishment(long id, String addressLine1, String addressLine2, String city, String state,
                                String postalCode, String countryCode, String countyFips, String phone,
                                String phoneE164, String phoneExtension, String addressText, Instant addedAt) {
    }

    /**
     * @param rawValues the record as read, column name to cell text; PostgreSQL jsonb keeps the keys sorted by
     *                  length and then by text, not in the source's column order
     */
    public record SourceRecord(long id, String kind, String sourceName, Long importId, long lineNumber,
                               Long establishmentId, String matchReason, Map<String, String> rawValues,
                               Long userId, String userName, Long partnerId, String partnerName,
                               Instant receivedAt) {
    }

    /**
     * @param action {@code SET}, {@code CHANGED}, {@code ADDED} or {@code CONFLICT}; for a conflict,
     *               {@code newValue} is the incoming value that was not applied
     */
    public record HistoryEntry(long id, String field, String action, String oldValue, String newValue,
                               Long establishmentId, Long userId, String userName, Long partnerId,
                               String partnerName, String sourceKind, Long sourceRecordId, String sourceText,
                               Instant changedAt) {
    }
}
