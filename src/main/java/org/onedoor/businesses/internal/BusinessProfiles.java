package org.onedoor.businesses.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfile.Contact;
import org.onedoor.businesses.BusinessProfile.Establishment;
import org.onedoor.businesses.BusinessProfile.Fact;
import org.onedoor.businesses.BusinessProfile.HistoryEntry;
import org.onedoor.businesses.BusinessProfile.SourceRecord;
import org.onedoor.businesses.BusinessProfile.TradeName;
import org.onedoor.businesses.internal.fields.PartnerFieldAccess;
import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.reference.NaicsCode;
import org.onedoor.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one business's profile with the names of the users and partners behind its values, sources and history, and
 * with the partner fields its reader may see.
 */
@Component
public class BusinessProfiles {

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReferenceData referenceData;
    private final UserAccounts userAccounts;
    private final Directory directory;
    private final PartnerFieldAccess partnerFields;

    BusinessProfiles(JdbcClient jdbc, JsonMapper json, ReferenceData referenceData, UserAccounts userAccounts,
                     Directory directory, PartnerFieldAccess partnerFields) {
        this.jdbc = jdbc;
        this.json = json;
        this.referenceData = referenceData;
        this.userAccounts = userAccounts;
        this.directory = directory;
        this.partnerFields = partnerFields;
    }

    /**
     * Returns the matching key of a legal or trade name (for example {@code franksplace} for {@code FRANK'S PLACE INC}),
     * or an empty string for a name without letters or digits. Profile edits store it with each name they change.
     */
    public static String nameMatchKey(String name) {
        NameKey key = NameKey.of(name);
        return key.isEmpty() ? "" : key.matchKey();
    }

    /** Reads the profile without any partner field values or their history, as a reader of no partner would. */
    Optional<BusinessProfile> find(long businessId) {
        return find(businessId, null, null);
    }

    /**
     * Reads the profile with the partner fields the reader may see, recording each confidential value read.
     *
     * @param reader the signed-in user, or {@code null} to leave out every partner field
     * @param path how the profile leaves the system, kept with each confidential read
     */
    public Optional<BusinessProfile> find(long businessId, CurrentUser reader, String path) {
        Optional<BusinessRow> business = jdbc.sql("""
                        SELECT id, legal_name, fein, naics_code, website, ownership_type, year_started, employee_band,
                               layoff_announced, hiring_needs, hourly_wage_offered, hires_people_with_disabilities,
                               hires_veterans, created_at, updated_at
                        FROM business WHERE id = :id
                        """)
                .param("id", businessId)
                .query((rs, row) -> new BusinessRow(rs.getLong("id"), rs.getString("legal_name"), rs.getString("fein"),
                        rs.getString("naics_code"), rs.getString("website"), rs.getString("ownership_type"),
                        (Integer) rs.getObject("year_started"), rs.getString("employee_band"),
                        (Boolean) rs.getObject("layoff_announced"), nullableStrings(rs.getArray("hiring_needs")),
                        rs.getBigDecimal("hourly_wage_offered"), (Boolean) rs.getObject("hires_people_with_disabilities"),
                        (Boolean) rs.getObject("hires_veterans"), instant(rs, "created_at"), instant(rs, "updated_at")))
                .optional();
        if (business.isEmpty()) {
            return Optional.empty();
        }

        Names names = new Names();
        BusinessRow row = business.get();
        String naicsTitle = row.naicsCode() == null ? null
                : referenceData.findNaics(row.naicsCode()).map(NaicsCode::title).orElse(null);
        List<SourceRecord> sources = sourceRecords(businessId, names);
        Map<Long, String> sourceTexts = new HashMap<>();
        sources.forEach(source -> sourceTexts.put(source.id(), describe(source)));
        List<HistoryEntry> history = partnerFields.visibleHistory(businessId, history(businessId, names, sourceTexts),
                reader, path);
        return Optional.of(new BusinessProfile(row.id(), row.legalName(), row.fein(), row.naicsCode(), naicsTitle,
                row.website(), row.ownershipType(), row.yearStarted(), row.employeeBand(), row.layoffAnnounced(),
                row.hiringNeeds(), row.hourlyWageOffered(), row.hiresPeopleWithDisabilities(), row.hiresVeterans(),
                row.createdAt(),
                row.updatedAt(), tradeNames(businessId), establishments(businessId), contacts(businessId),
                facts(businessId, names, sourceTexts), partnerFields.visibleValues(businessId, reader, path), sources,
                history));
    }

    private record BusinessRow(long id, String legalName, String fein, String naicsCode, String website,
                               String ownershipType, Integer yearStarted, String employeeBand,
                               Boolean layoffAnnounced, List<String> hiringNeeds,
                               java.math.BigDecimal hourlyWageOffered, Boolean hiresPeopleWithDisabilities,
                               Boolean hiresVeterans, Instant createdAt, Instant updatedAt) {
    }

    /**
     * Reads the values that eligibility rules use, in one query.
     */
    public Optional<org.onedoor.businesses.EligibilityFacts> eligibilityFacts(long businessId) {
        return jdbc.sql("""
                        SELECT b.id, b.naics_code, b.employee_band, b.ownership_type, b.year_started, b.layoff_announced,
                               b.hiring_needs, b.hourly_wage_offered, b.hires_people_with_disabilities, b.hires_veterans,
                               ARRAY(SELECT DISTINCT e.county_fips FROM establishment e
                                     WHERE e.business_id = b.id AND e.county_fips IS NOT NULL
                                     ORDER BY e.county_fips) AS county_fips
                        FROM business b WHERE b.id = :id
                        """)
                .param("id", businessId)
                .query((rs, row) -> new org.onedoor.businesses.EligibilityFacts(rs.getLong("id"),
                        rs.getString("naics_code"), rs.getString("employee_band"), rs.getString("ownership_type"),
                        (Integer) rs.getObject("year_started"), strings(rs.getArray("county_fips")),
                        (Boolean) rs.getObject("layoff_announced"), nullableStrings(rs.getArray("hiring_needs")),
                        rs.getBigDecimal("hourly_wage_offered"), (Boolean) rs.getObject("hires_people_with_disabilities"),
                        (Boolean) rs.getObject("hires_veterans")))
                .optional();
    }

    private List<Contact> contacts(long businessId) {
        return jdbc.sql("""
                        SELECT id, establishment_id, name, role, email, phones, phones_e164, preferred_method, created_at
                        FROM business_contact WHERE business_id = :id ORDER BY id
                        """)
                .param("id", businessId)
                .query((rs, row) -> new Contact(rs.getLong("id"), nullableLong(rs, "establishment_id"),
                        rs.getString("name"), rs.getString("role"), rs.getString("email"),
                        strings(rs.getArray("phones")), strings(rs.getArray("phones_e164")),
                        rs.getString("preferred_method"), instant(rs, "created_at")))
                .list();
    }

    private List<Fact> facts(long businessId, Names names, Map<Long, String> sourceTexts) {
        return jdbc.sql("""
                        SELECT field, establishment_id, contact_id, trade_name_id, value, user_id, partner_id,
                               collected_at, source_kind, source_record_id
                        FROM business_fact WHERE business_id = :id ORDER BY field, id
                        """)
                .param("id", businessId)
                .query((rs, row) -> {
                    Long userId = nullableLong(rs, "user_id");
                    Long partnerId = nullableLong(rs, "partner_id");
                    Long sourceRecordId = nullableLong(rs, "source_record_id");
                    return new Fact(rs.getString("field"), nullableLong(rs, "establishment_id"),
                            nullableLong(rs, "contact_id"), nullableLong(rs, "trade_name_id"), rs.getString("value"),
                            userId, names.user(userId), partnerId, names.partner(partnerId),
                            instant(rs, "collected_at"), rs.getString("source_kind"), sourceRecordId,
                            sourceRecordId == null ? null : sourceTexts.get(sourceRecordId));
                })
                .list();
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : java.util.Arrays.asList((String[]) array.getArray());
    }

    /** Reads a text array column, keeping SQL NULL (not known) apart from an empty array. */
    private static List<String> nullableStrings(java.sql.Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    private List<TradeName> tradeNames(long businessId) {
        return jdbc.sql("SELECT id, name, created_at FROM business_trade_name WHERE business_id = :id ORDER BY id")
                .param("id", businessId)
                .query((rs, row) -> new TradeName(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at")))
                .list();
    }

    private List<Establishment> establishments(long businessId) {
        return jdbc.sql("""
                        SELECT id, address_line1, address_line2, city, state, postal_code, country_code, county_fips,
                               phone, phone_e164, phone_extension, ui_account_number, worksite_employees, time_zone,
                               created_at
                        FROM establishment WHERE business_id = :id ORDER BY id
                        """)
                .param("id", businessId)
                .query((rs, row) -> new Establishment(rs.getLong("id"), rs.getString("address_line1"),
                        rs.getString("address_line2"), rs.getString("city"), rs.getString("state"),
                        rs.getString("postal_code"), rs.getString("country_code"), rs.getString("county_fips"),
                        rs.getString("phone"), rs.getString("phone_e164"), rs.getString("phone_extension"),
                        EstablishmentText.oneLine(rs.getString("address_line1"), rs.getString("address_line2"),
                                rs.getString("city"), rs.getString("state"), rs.getString("postal_code")),
                        rs.getString("ui_account_number"), (Integer) rs.getObject("worksite_employees"),
                        rs.getString("time_zone"), instant(rs, "created_at")))
                .list();
    }

    private List<SourceRecord> sourceRecords(long businessId, Names names) {
        return jdbc.sql("""
                        SELECT id, kind, source_name, import_id, line_number, establishment_id, match_reason,
                               raw_values::text AS raw_values, user_id, partner_id, received_at
                        FROM business_source_record WHERE business_id = :id ORDER BY received_at, id
                        """)
                .param("id", businessId)
                .query((rs, row) -> {
                    Long userId = nullableLong(rs, "user_id");
                    Long partnerId = nullableLong(rs, "partner_id");
                    return new SourceRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("source_name"),
                            nullableLong(rs, "import_id"), rs.getLong("line_number"),
                            nullableLong(rs, "establishment_id"), rs.getString("match_reason"),
                            json.readValue(rs.getString("raw_values"), STRING_MAP), userId, names.user(userId),
                            partnerId, names.partner(partnerId), instant(rs, "received_at"));
                })
                .list();
    }

    private List<HistoryEntry> history(long businessId, Names names, Map<Long, String> sourceTexts) {
        return jdbc.sql("""
                        SELECT id, field, action, old_value, new_value, establishment_id, actor_user_id, partner_id,
                               source_kind, source_record_id, changed_at, contact_id, partner_field_id
                        FROM business_history WHERE business_id = :id ORDER BY changed_at, id
                        """)
                .param("id", businessId)
                .query((rs, row) -> {
                    Long userId = nullableLong(rs, "actor_user_id");
                    Long partnerId = nullableLong(rs, "partner_id");
                    Long sourceRecordId = nullableLong(rs, "source_record_id");
                    return new HistoryEntry(rs.getLong("id"), rs.getString("field"), rs.getString("action"),
                            rs.getString("old_value"), rs.getString("new_value"), nullableLong(rs, "establishment_id"),
                            userId, names.user(userId), partnerId, names.partner(partnerId),
                            rs.getString("source_kind"), sourceRecordId,
                            sourceRecordId == null ? null : sourceTexts.get(sourceRecordId), instant(rs, "changed_at"),
                            nullableLong(rs, "contact_id"), nullableLong(rs, "partner_field_id"),
                            rs.getString("field"));
                })
                .list();
    }

    private static String describe(SourceRecord source) {
        return source.lineNumber() > 0 ? source.sourceName() + " line " + source.lineNumber() : source.sourceName();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Looks up each user and partner name once per profile. */
    private final class Names {

        private final Map<Long, String> users = new HashMap<>();
        private final Map<Long, String> partners = new HashMap<>();

        String user(Long id) {
            return id == null ? null : users.computeIfAbsent(id,
                    key -> userAccounts.find(key).map(UserAccount::displayName).orElse("User " + key));
        }

        String partner(Long id) {
            return id == null ? null : partners.computeIfAbsent(id,
                    key -> directory.findPartner(key).map(PartnerSummary::name).orElse("Partner " + key));
        }
    }
}
