package org.onedoor.businesses;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known about one business, with where each fact came from.
 *
 * @param naicsTitle the NAICS 2022 title of {@code naicsCode}, or {@code null} when there is no code
 * @param ownershipType {@code FOR_PROFIT}, {@code NONPROFIT}, {@code PUBLIC} or {@code null}
 * @param employeeBand a BLS QCEW size class such as {@code 20-49} or {@code 1000+}, or {@code null}
 * @param hiringNeeds hiring need kinds from {@link HiringNeeds#KINDS}; empty when the business has none, and
 *                    {@code null} when not known
 * @param hourlyWageOffered the hourly wage the business offers, in US dollars, or {@code null}
 * @param facts the provenance of each current value
 * @param partnerFields the partner fields the reader may see, each with its value or {@code null}; empty when the
 *                      profile was read without a reader
 * @param history every change, leaving out changes to partner fields the reader may not see
 */
public record BusinessProfile(long id, String legalName, String fein, String naicsCode, String naicsTitle,
                              String website, String ownershipType, Integer yearStarted, String employeeBand,
                              Boolean layoffAnnounced, List<String> hiringNeeds,
                              java.math.BigDecimal hourlyWageOffered, Boolean hiresPeopleWithDisabilities,
                              Boolean hiresVeterans, Instant createdAt, Instant updatedAt, List<TradeName> tradeNames,
                              List<Establishment> establishments, List<Contact> contacts, List<Fact> facts,
                              List<PartnerFieldValue> partnerFields, List<SourceRecord> sourceRecords,
                              List<HistoryEntry> history) {

    public record TradeName(long id, String name, Instant addedAt) {
    }

    /**
     * @param addressText the address on one line, or "(no address)"
     * @param timeZone an IANA time zone such as {@code America/Indiana/Indianapolis}, or {@code null}
     */
    public record Establishment(long id, String addressLine1, String addressLine2, String city, String state,
                                String postalCode, String countryCode, String countyFips, String phone,
                                String phoneE164, String phoneExtension, String addressText,
                                String uiAccountNumber, Integer worksiteEmployees, String timeZone,
                                Instant addedAt) {
    }

    /**
     * @param phones the phones as entered
     * @param phonesE164 the E.164 form of each phone at the same position, or {@code null} where it did not parse
     * @param preferredMethod {@code EMAIL}, {@code PHONE}, {@code TEXT}, {@code MAIL}, {@code IN_PERSON} or
     *                        {@code null}
     */
    public record Contact(long id, Long establishmentId, String name, String role, String email, List<String> phones,
                          List<String> phonesE164, String preferredMethod, Instant addedAt) {
    }

    /**
     * Provenance of one current value: the user who collected it, for which partner, when and from what source.
     *
     * @param field a history field name such as {@code fein}, {@code establishment.time_zone},
     *              {@code contact.email}, {@code establishment.address} or {@code trade_name}
     * @param sourceText the source file and line, or the page or API the value was entered through
     */
    public record Fact(String field, Long establishmentId, Long contactId, Long tradeNameId, String value,
                       Long userId, String userName, Long partnerId, String partnerName, Instant collectedAt,
                       String sourceKind, Long sourceRecordId, String sourceText) {
    }

    /**
     * One partner field as the reader may see it.
     *
     * @param visibility {@code SHARED}, {@code PARTNER_ONLY} or {@code CONFIDENTIAL}
     * @param value the current value, or {@code null} when none was collected
     * @param editable whether the reader may change the value
     */
    public record PartnerFieldValue(long fieldId, String name, String type, String visibility, long ownerPartnerId,
                                    String ownerPartnerName, boolean required, List<String> choices, String value,
                                    Long userId, String userName, Long partnerId, String partnerName,
                                    Instant collectedAt, String sourceKind, boolean editable) {
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
     * @param action {@code SET}, {@code CHANGED}, {@code ADDED}, {@code REMOVED} or {@code CONFLICT}; for a
     *               conflict, {@code newValue} is the incoming value that was not applied
     * @param fieldLabel the field as people read it; for a partner field, its name
     */
    public record HistoryEntry(long id, String field, String action, String oldValue, String newValue,
                               Long establishmentId, Long userId, String userName, Long partnerId,
                               String partnerName, String sourceKind, Long sourceRecordId, String sourceText,
                               Instant changedAt, Long contactId, Long partnerFieldId, String fieldLabel) {
    }

    /** Finds the provenance of a business-level field, such as {@code fein}. */
    public Optional<Fact> factOf(String field) {
        return facts.stream()
                .filter(fact -> fact.field().equals(field) && fact.establishmentId() == null && fact.contactId() == null)
                .findFirst();
    }

    /** Finds the provenance of a field of one establishment or contact, such as {@code establishment.time_zone}. */
    public Optional<Fact> factOf(String field, Long establishmentId, Long contactId) {
        return facts.stream()
                .filter(fact -> fact.field().equals(field))
                .filter(fact -> java.util.Objects.equals(fact.establishmentId(), establishmentId))
                .filter(fact -> java.util.Objects.equals(fact.contactId(), contactId))
                .findFirst();
    }
}
