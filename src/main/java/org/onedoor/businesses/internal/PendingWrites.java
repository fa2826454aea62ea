package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows that registering a batch of records adds or changes, collected in order and written by {@link #flush}
 * with one multi-row statement per table. Ids of new businesses, establishments and source records are taken from
 * their sequences beforehand, so rows can refer to each other before any of them is written.
 */
final class PendingWrites {

    record NewBusiness(long id, String legalName, String nameKey, String fein, String naicsCode, String website,
                       String websiteKey) {
    }

    record NewEstablishment(long id, long businessId, String line1, String line2, String city, String state,
                            String postalCode, String countryCode, String countyFips, String phone, String phoneE164,
                            String extension, String addressKey, String unitKey, String zip5, String cityKey) {
    }

    record NewTradeName(long businessId, String name, String nameKey) {
    }

    /** Values that fill empty fields of a business. A {@code null} value leaves its field as it is. */
    record BusinessFill(long id, String fein, String naicsCode, String website, String websiteKey) {

        BusinessFill then(BusinessFill later) {
            return new BusinessFill(id, first(fein, later.fein), first(naicsCode, later.naicsCode),
                    first(website, later.website), website != null ? websiteKey : later.websiteKey);
        }
    }

    /** Values that fill empty fields of an establishment. The phone, its E.164 form and extension go together. */
    record EstablishmentFill(long id, String phone, String phoneE164, String extension, String postalCode,
                             String zip5, String countyFips) {

        EstablishmentFill then(EstablishmentFill later) {
            boolean phoneFromLater = phone == null;
            return new EstablishmentFill(id, phoneFromLater ? later.phone : phone,
                    phoneFromLater ? later.phoneE164 : phoneE164, phoneFromLater ? later.extension : extension,
                    first(postalCode, later.postalCode), first(zip5, later.zip5), first(countyFips, later.countyFips));
        }
    }

    record SourceRecord(long id, long businessId, Long establishmentId, String kind, String sourceName, Long importId,
                        long lineNumber, String rawValuesJson, String incomingJson, String matchReason, Long userId,
                        Long partnerId) {
    }

    record History(long businessId, Long establishmentId, String field, String action, String oldValue,
                   String newValue, Long userId, Long partnerId, String sourceKind, long sourceRecordId) {
    }

    private final List<NewBusiness> businesses = new ArrayList<>();
    private final List<NewEstablishment> establishments = new ArrayList<>();
    private final List<NewTradeName> tradeNames = new ArrayList<>();
    private final Map<Long, BusinessFill> businessFills = new LinkedHashMap<>();
    private final Map<Long, EstablishmentFill> establishmentFills = new LinkedHashMap<>();
    private final List<SourceRecord> sourceRecords = new ArrayList<>();
    private final List<History> history = new ArrayList<>();
    private final List<String> nameWords = new ArrayList<>();

    void add(NewBusiness business) {
        businesses.add(business);
    }

    void add(NewEstablishment establishment) {
        establishments.add(establishment);
    }

    void add(NewTradeName tradeName) {
        tradeNames.add(tradeName);
    }

    /** Adds a fill. When the batch filled the business before, the earlier value of a field wins, as coalesce does. */
    void add(BusinessFill fill) {
        businessFills.merge(fill.id(), fill, BusinessFill::then);
    }

    void add(EstablishmentFill fill) {
        establishmentFills.merge(fill.id(), fill, EstablishmentFill::then);
    }

    void add(SourceRecord sourceRecord) {
        sourceRecords.add(sourceRecord);
    }

    void add(History entry) {
        history.add(entry);
    }

    /** Adds words to the name word counts. A word given twice counts twice. */
    void countWords(String[] words) {
        nameWords.addAll(List.of(words));
    }

    /** Writes every collected row, parents before the rows that refer to them, then clears the lists. */
    void flush(JdbcClient jdbc) {
        insertBusinesses(jdbc);
        insertEstablishments(jdbc);
        insertTradeNames(jdbc);
        fillBusinesses(jdbc);
        fillEstablishments(jdbc);
        insertSourceRecords(jdbc);
        insertHistory(jdbc);
        countNameWords(jdbc);
        businesses.clear();
        establishments.clear();
        tradeNames.clear();
        businessFills.clear();
        establishmentFills.clear();
        sourceRecords.clear();
        history.clear();
        nameWords.clear();
    }

    private void insertBusinesses(JdbcClient jdbc) {
        if (businesses.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO business (id, legal_name, name_key, fein, naics_code, website, website_key)
                        OVERRIDING SYSTEM VALUE
                        SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:legalNames AS text[]),
                                             CAST(:nameKeys AS text[]), CAST(:feins AS text[]),
                                             CAST(:naicsCodes AS text[]), CAST(:websites AS text[]),
                                             CAST(:websiteKeys AS text[]))
                        """)
                .param("ids", column(businesses, NewBusiness::id, Long[]::new))
                .param("legalNames", texts(businesses, NewBusiness::legalName))
                .param("nameKeys", texts(businesses, NewBusiness::nameKey))
                .param("feins", texts(businesses, NewBusiness::fein))
                .param("naicsCodes", texts(businesses, NewBusiness::naicsCode))
                .param("websites", texts(businesses, NewBusiness::website))
                .param("websiteKeys", texts(businesses, NewBusiness::websiteKey))
                .update();
    }

    private void insertEstablishments(JdbcClient jdbc) {
        if (establishments.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO establishment (id, business_id, address_line1, address_line2, city, state,
                                                   postal_code, country_code, county_fips, phone, phone_e164,
                                                   phone_extension, address_key, unit_key, zip5, city_key)
                        OVERRIDING SYSTEM VALUE
                        SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:businessIds AS bigint[]),
                                             CAST(:line1s AS text[]), CAST(:line2s AS text[]), CAST(:cities AS text[]),
                                             CAST(:states AS text[]), CAST(:postalCodes AS text[]),
                                             CAST(:countryCodes AS text[]), CAST(:countyFips AS text[]),
                                             CAST(:phones AS text[]), CAST(:phoneE164s AS text[]),
                                             CAST(:extensions AS text[]), CAST(:addressKeys AS text[]),
                                             CAST(:unitKeys AS text[]), CAST(:zip5s AS text[]),
                                             CAST(:cityKeys AS text[]))
                        """)
                .param("ids", column(establishments, NewEstablishment::id, Long[]::new))
                .param("businessIds", column(establishments, NewEstablishment::businessId, Long[]::new))
                .param("line1s", texts(establishments, NewEstablishment::line1))
                .param("line2s", texts(establishments, NewEstablishment::line2))
                .param("cities", texts(establishments, NewEstablishment::city))
                .param("states", texts(establishments, NewEstablishment::state))
                .param("postalCodes", texts(establishments, NewEstablishment::postalCode))
                .param("countryCodes", texts(establishments, NewEstablishment::countryCode))
                .param("countyFips", texts(establishments, NewEstablishment::countyFips))
                .param("phones", texts(establishments, NewEstablishment::phone))
                .param("phoneE164s", texts(establishments, NewEstablishment::phoneE164))
                .param("extensions", texts(establishments, NewEstablishment::extension))
                .param("addressKeys", texts(establishments, NewEstablishment::addressKey))
                .param("unitKeys", texts(establishments, NewEstablishment::unitKey))
                .param("zip5s", texts(establishments, NewEstablishment::zip5))
                .param("cityKeys", texts(establishments, NewEstablishment::cityKey))
                .update();
    }

    // The rows are inserted in the order given, so trade name ids keep the order in which names were added.
    private void insertTradeNames(JdbcClient jdbc) {
        if (tradeNames.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO business_trade_name (business_id, name, name_key)
                        SELECT t.business_id, t.name, t.name_key
                        FROM unnest(CAST(:businessIds AS bigint[]), CAST(:names AS text[]), CAST(:nameKeys AS text[]))
                             WITH ORDINALITY AS t(business_id, name, name_key, position)
                        ORDER BY t.position
                        ON CONFLICT (business_id, name_key) DO NOTHING
                        """)
                .param("businessIds", column(tradeNames, NewTradeName::businessId, Long[]::new))
                .param("names", texts(tradeNames, NewTradeName::name))
                .param("nameKeys", texts(tradeNames, NewTradeName::nameKey))
                .update();
    }

    // Every business a record joined is marked as updated, also when no field was empty.
    private void fillBusinesses(JdbcClient jdbc) {
        if (businessFills.isEmpty()) {
            return;
        }
        List<BusinessFill> fills = new ArrayList<>(businessFills.values());
        jdbc.sql("""
                        UPDATE business b
                        SET updated_at = now(),
                            fein = coalesce(b.fein, f.fein),
                            naics_code = coalesce(b.naics_code, f.naics_code),
                            website = coalesce(b.website, f.website),
                            website_key = CASE WHEN b.website IS NULL THEN f.website_key ELSE b.website_key END
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:feins AS text[]), CAST(:naicsCodes AS text[]),
                                    CAST(:websites AS text[]), CAST(:websiteKeys AS text[]))
                             AS f(id, fein, naics_code, website, website_key)
                        WHERE b.id = f.id
                        """)
                .param("ids", column(fills, BusinessFill::id, Long[]::new))
                .param("feins", texts(fills, BusinessFill::fein))
                .param("naicsCodes", texts(fills, BusinessFill::naicsCode))
                .param("websites", texts(fills, BusinessFill::website))
                .param("websiteKeys", texts(fills, BusinessFill::websiteKey))
                .update();
    }

    private void fillEstablishments(JdbcClient jdbc) {
        if (establishmentFills.isEmpty()) {
            return;
        }
        List<EstablishmentFill> fills = new ArrayList<>(establishmentFills.values());
        jdbc.sql("""
                        UPDATE establishment e
                        SET phone = coalesce(e.phone, f.phone),
                            phone_e164 = CASE WHEN e.phone IS NULL THEN f.phone_e164 ELSE e.phone_e164 END,
                            phone_extension = CASE WHEN e.phone IS NULL THEN f.extension ELSE e.phone_extension END,
                            postal_code = coalesce(e.postal_code, f.postal_code),
                            zip5 = coalesce(e.zip5, f.zip5),
                            county_fips = coalesce(e.county_fips, f.county_fips),
                            updated_at = now()
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:phones AS text[]), CAST(:phoneE164s AS text[]),
                                    CAST(:extensions AS text[]), CAST(:postalCodes AS text[]), CAST(:zip5s AS text[]),
                                    CAST(:countyFips AS text[]))
                             AS f(id, phone, phone_e164, extension, postal_code, zip5, county_fips)
                        WHERE e.id = f.id
                        """)
                .param("ids", column(fills, EstablishmentFill::id, Long[]::new))
                .param("phones", texts(fills, EstablishmentFill::phone))
                .param("phoneE164s", texts(fills, EstablishmentFill::phoneE164))
                .param("extensions", texts(fills, EstablishmentFill::extension))
                .param("postalCodes", texts(fills, EstablishmentFill::postalCode))
                .param("zip5s", texts(fills, EstablishmentFill::zip5))
                .param("countyFips", texts(fills, EstablishmentFill::countyFips))
                .update();
    }

    private void insertSourceRecords(JdbcClient jdbc) {
        if (sourceRecords.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO business_source_record (id, business_id, establishment_id, kind, source_name,
                                                            import_id, line_number, raw_values, incoming, match_reason,
                                                            user_id, partner_id)
                        OVERRIDING SYSTEM VALUE
                        SELECT s.id, s.business_id, s.establishment_id, s.kind, s.source_name, s.import_id,
                               s.line_number, CAST(s.raw_values AS jsonb), CAST(s.incoming AS jsonb), s.match_reason,
                               s.user_id, s.partner_id
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:businessIds AS bigint[]),
                                    CAST(:establishmentIds AS bigint[]), CAST(:kinds AS text[]),
                                    CAST(:sourceNames AS text[]), CAST(:importIds AS bigint[]),
                                    CAST(:lineNumbers AS bigint[]), CAST(:rawValues AS text[]),
                                    CAST(:incoming AS text[]), CAST(:matchReasons AS text[]),
                                    CAST(:userIds AS bigint[]), CAST(:partnerIds AS bigint[]))
                             AS s(id, business_id, establishment_id, kind, source_name, import_id, line_number,
                                  raw_values, incoming, match_reason, user_id, partner_id)
                        """)
                .param("ids", column(sourceRecords, SourceRecord::id, Long[]::new))
                .param("businessIds", column(sourceRecords, SourceRecord::businessId, Long[]::new))
                .param("establishmentIds", column(sourceRecords, SourceRecord::establishmentId, Long[]::new))
                .param("kinds", texts(sourceRecords, SourceRecord::kind))
                .param("sourceNames", texts(sourceRecords, SourceRecord::sourceName))
                .param("importIds", column(sourceRecords, SourceRecord::importId, Long[]::new))
                .param("lineNumbers", column(sourceRecords, SourceRecord::lineNumber, Long[]::new))
                .param("rawValues", texts(sourceRecords, SourceRecord::rawValuesJson))
                .param("incoming", texts(sourceRecords, SourceRecord::incomingJson))
                .param("matchReasons", texts(sourceRecords, SourceRecord::matchReason))
                .param("userIds", column(sourceRecords, SourceRecord::userId, Long[]::new))
                .param("partnerIds", column(sourceRecords, SourceRecord::partnerId, Long[]::new))
                .update();
    }

    // Inserted in the order given, so history ids keep the order of the changes.
    private void insertHistory(JdbcClient jdbc) {
        if (history.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO business_history (business_id, establishment_id, field, action, old_value,
                                                      new_value, actor_user_id, partner_id, source_kind,
                                                      source_record_id)
                        SELECT h.business_id, h.establishment_id, h.field, h.action, h.old_value, h.new_value,
                               h.user_id, h.partner_id, h.source_kind, h.source_record_id
                        FROM unnest(CAST(:businessIds AS bigint[]), CAST(:establishmentIds AS bigint[]),
                                    CAST(:fields AS text[]), CAST(:actions AS text[]), CAST(:oldValues AS text[]),
                                    CAST(:newValues AS text[]), CAST(:userIds AS bigint[]),
                                    CAST(:partnerIds AS bigint[]), CAST(:sourceKinds AS text[]),
                                    CAST(:sourceRecordIds AS bigint[]))
                             WITH ORDINALITY AS h(business_id, establishment_id, field, action, old_value, new_value,
                                                  user_id, partner_id, source_kind, source_record_id, position)
                        ORDER BY h.position
                        """)
                .param("businessIds", column(history, History::businessId, Long[]::new))
                .param("establishmentIds", column(history, History::establishmentId, Long[]::new))
                .param("fields", texts(history, History::field))
                .param("actions", texts(history, History::action))
                .param("oldValues", texts(history, History::oldValue))
                .param("newValues", texts(history, History::newValue))
                .param("userIds", column(history, History::userId, Long[]::new))
                .param("partnerIds", column(history, History::partnerId, Long[]::new))
                .param("sourceKinds", texts(history, History::sourceKind))
                .param("sourceRecordIds", column(history, History::sourceRecordId, Long[]::new))
                .update();
    }

    private void countNameWords(JdbcClient jdbc) {
        if (nameWords.isEmpty()) {
            return;
        }
        jdbc.sql(MatchNameWords.COUNT_WORDS)
                .param("words", nameWords.toArray(String[]::new))
                .update();
    }

    private static <T> String[] texts(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, java.util.function.IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static String first(String earlier, String later) {
        return earlier != null ? earlier : later;
    }
}
