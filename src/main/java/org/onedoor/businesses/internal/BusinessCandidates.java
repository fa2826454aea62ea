package org.onedoor.businesses.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the businesses an incoming record could belong to, found by {@link CandidateSearch}, each with its trade
 * names and establishments.
 */
@Component
class BusinessCandidates {

    /** A business that an incoming record could belong to. */
    record Candidate(long businessId, String legalName, String legalNameKey, List<String> tradeNames,
                     List<String> tradeNameKeys, String fein, String naicsCode, String website,
                     List<KnownEstablishment> establishments) {

        /** Returns the values that {@link MatchScorer} compares. */
        MatchProfile matchProfile() {
            List<MatchProfile.Place> places = new ArrayList<>();
            Set<String> phones = new java.util.LinkedHashSet<>();
            for (KnownEstablishment establishment : establishments) {
                AddressKey key = establishment.addressKey();
                if (key.street() != null || key.zip5() != null) {
                    places.add(new MatchProfile.Place(key, establishment.addressText()));
                }
                if (establishment.phoneE164() != null) {
                    phones.add(establishment.phoneE164());
                }
            }
            return new MatchProfile(MatchProfile.names(legalName, tradeNames), fein, naicsCode,
                    MatchKeys.websiteKey(website), phones, places, Set.of(), Set.of());
        }

        /** Returns the first establishment's address on one line, or {@code null}. */
        String firstAddress() {
            return establishments.isEmpty() ? null : establishments.get(0).addressText();
        }

        List<String> allNameKeys() {
            List<String> all = new ArrayList<>(tradeNameKeys);
            all.add(0, legalNameKey);
            return all;
        }
    }

    record KnownEstablishment(long id, AddressKey addressKey, String phone, String phoneE164, String postalCode,
                              String countryCode, String countyFips, String addressText) {
    }

    private final JdbcClient jdbc;

    BusinessCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the given businesses with their establishments, in id order.
     *
     * @param lock whether to lock the business rows until the transaction ends
     */
    List<Candidate> load(java.util.Collection<Long> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CandidateBuilder> builders = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT b.id, b.legal_name, b.name_key, b.fein, b.naics_code, b.website,
                               ARRAY(SELECT t.name FROM business_trade_name t WHERE t.business_id = b.id
                                     ORDER BY t.id) AS trade_names,
                               ARRAY(SELECT t.name_key FROM business_trade_name t WHERE t.business_id = b.id
                                     ORDER BY t.id) AS trade_name_keys,
                               e.id AS establishment_id, e.address_key, e.unit_key, e.zip5, e.city_key, e.phone,
                               e.phone_e164, e.postal_code, e.county_fips, e.address_line1, e.address_line2, e.city,
                               e.state, e.country_code
                        FROM business b
                        LEFT JOIN establishment e ON e.business_id = b.id
                        WHERE b.id = ANY (CAST(:ids AS bigint[])) AND b.merged_into_id IS NULL
                        ORDER BY b.id, e.id
                        """ + (lock ? "FOR UPDATE OF b" : ""))
                .param("ids", ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    CandidateBuilder builder = builders.get(id);
                    if (builder == null) {
                        builder = new CandidateBuilder(id, rs.getString("legal_name"), rs.getString("name_key"),
                                strings(rs.getArray("trade_names")), strings(rs.getArray("trade_name_keys")),
                                rs.getString("fein"), rs.getString("naics_code"), rs.getString("website"));
                        builders.put(id, builder);
                    }
                    long establishmentId = rs.getLong("establishment_id");
                    if (!rs.wasNull()) {
                        AddressKey key = new AddressKey(rs.getString("address_key"), rs.getString("unit_key"),
                                rs.getString("zip5"), rs.getString("city_key"));
                        String text = EstablishmentText.oneLine(rs.getString("address_line1"),
                                rs.getString("address_line2"), rs.getString("city"), rs.getString("state"),
                                rs.getString("postal_code"));
                        builder.establishments.add(new KnownEstablishment(establishmentId, key, rs.getString("phone"),
                                rs.getString("phone_e164"), rs.getString("postal_code"), rs.getString("country_code"),
                                rs.getString("county_fips"), text));
                    }
                });
        return builders.values().stream().map(CandidateBuilder::build).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record CandidateBuilder(long id, String legalName, String legalNameKey, List<String> tradeNames,
                                    List<String> tradeNameKeys, String fein, String naicsCode, String website,
                                    List<KnownEstablishment> establishments) {

        CandidateBuilder(long id, String legalName, String legalNameKey, List<String> tradeNames,
                         List<String> tradeNameKeys, String fein, String naicsCode, String website) {
            this(id, legalName, legalNameKey, tradeNames, tradeNameKeys, fein, naicsCode, website, new ArrayList<>());
        }

        Candidate build() {
            return new Candidate(id, legalName, legalNameKey, List.copyOf(tradeNames), List.copyOf(tradeNameKeys),
                    fein, naicsCode, website, List.copyOf(establishments));
        }
    }
}
