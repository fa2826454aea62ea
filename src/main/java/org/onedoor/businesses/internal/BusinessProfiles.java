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
import org.onedoor.businesses.BusinessProfile.Establishment;
import org.onedoor.businesses.BusinessProfile.HistoryEntry;
import org.onedoor.businesses.BusinessProfile.SourceRecord;
import org.onedoor.businesses.BusinessProfile.TradeName;
import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.reference.NaicsCode;
import org.onedoor.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads one business's profile with the names of the users and partners behind its sources and history. */
@Component
class BusinessProfiles {

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReferenceData referenceData;
    private final UserAccounts userAccounts;
    private final Directory directory;

    BusinessProfiles(JdbcClient jdbc, JsonMapper json, ReferenceData referenceData, UserAccounts userAccounts,
                     Directory directory) {
        this.jdbc = jdbc;
        this.json = json;
        this.referenceData = referenceData;
        this.userAccounts = userAccounts;
        this.directory = directory;
    }

    Optional<BusinessProfile> find(long businessId) {
        Optional<BusinessRow> business = jdbc.sql("""
                        SELECT id, legal_name, fein, naics_code, website, created_at, updated_at
                        FROM business WHERE id = :id
                        """)
                .param("id", businessId)
                .query((rs, row) -> new BusinessRow(rs.getLong("id"), rs.getString("legal_name"), rs.getString("fein"),
                        rs.getString("naics_code"), rs.getString("website"), instant(rs, "created_at"),
                        instant(rs, "updated_at")))
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
        return Optional.of(new BusinessProfile(row.id(), row.legalName(), row.fein(), row.naicsCode(), naicsTitle,
                row.website(), row.createdAt(), row.updatedAt(), tradeNames(businessId), establishments(businessId),
                sources, history(businessId, names, sourceTexts)));
    }

    private record BusinessRow(long id, String legalName, String fein, String naicsCode, String website,
                               Instant createdAt, Instant updatedAt) {
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
                               phone, phone_e164, phone_extension, created_at
                        FROM establishment WHERE business_id = :id ORDER BY id
                        """)
                .param("id", businessId)
                .query((rs, row) -> new Establishment(rs.getLong("id"), rs.getString("address_line1"),
                        rs.getString("address_line2"), rs.getString("city"), rs.getString("state"),
                        rs.getString("postal_code"), rs.getString("country_code"), rs.getString("county_fips"),
                        rs.getString("phone"), rs.getString("phone_e164"), rs.getString("phone_extension"),
                        EstablishmentText.oneLine(rs.getString("address_line1"), rs.getString("address_line2"),
                                rs.getString("city"), rs.getString("state"), rs.getString("postal_code")),
                        instant(rs, "created_at")))
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
                               source_kind, source_record_id, changed_at
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
                            sourceRecordId == null ? null : sourceTexts.get(sourceRecordId), instant(rs, "changed_at"));
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
