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
                              String countryCode, String countyFips, String line1, String line2, String city,
                              String state) {

        /** Returns the address on one line, see {@link EstablishmentText}. */
        String addressText() {
            return EstablishmentText.oneLine(line1, line2, city, state, postalCode);
        }
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
        return loadWhere("b.id = ANY (CAST(:ids AS bigint[]))", Map.of("ids", ids.toArray(Long[]::new)), lock);
    }

    /**
     * Reads the businesses whose ids a query returns, with their establishments, in id order, in one statement
     * with that query.
     *
     * @param idsQuery a SELECT of one bigint column
     * @param params the query's parameters
     */
    List<Candidate> loadFound(String idsQuery, Map<String, Object> params) {
        return loadWhere("b.id IN (" + idsQuery + ")", params, false);
    }

    private List<Candidate> loadWhere(String condition, Map<String, Object> params, boolean lock) {
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
                        WHERE %s AND b.merged_into_id IS NULL
                        ORDER BY b.id, e.id
                        """.formatted(condition) + (lock ? "FOR UPDATE OF b" : ""))
                .params(params)
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
                        builder.establishments.add(new KnownEstablishment(establishmentId, key, rs.getString("phone"),
                                rs.getString("phone_e164"), rs.getString("postal_code"), rs.getString("country_code"),
                                rs.getString("county_fips"), rs.getString("address_line1"),
                                rs.getString("address_line2"), rs.getString("city"), rs.getString("state")));
                    }
                });
        return builders.values().stream().map(CandidateBuilder::build).toList();
    }

    // Blocking keys of a batch, each through its B-tree index, with the kind and key that found each business.
    private static final String IDS_BY_KEY = """
            SELECT 'fein', fein, id FROM business WHERE fein = ANY (CAST(:feins AS text[]))
            UNION ALL
            SELECT 'name', name_key, id FROM business WHERE name_key = ANY (CAST(:names AS text[]))
            UNION ALL
            SELECT 'name', name_key, business_id FROM business_trade_name WHERE name_key = ANY (CAST(:names AS text[]))
            UNION ALL
            SELECT 'phone', phone_e164, business_id FROM establishment WHERE phone_e164 = ANY (CAST(:phones AS text[]))
            UNION ALL
            SELECT 'street', address_key, business_id FROM establishment
            WHERE address_key = ANY (CAST(:streets AS text[]))
            UNION ALL
            SELECT 'place', street_place_key(address_key), business_id FROM establishment
            WHERE street_place_key(address_key) = ANY (CAST(:places AS text[]))
            UNION ALL
            SELECT 'website', website_key, id FROM business WHERE website_key = ANY (CAST(:websites AS text[]))
            """;

    /**
     * Finds the businesses, merged ones included, that have any of the given blocking keys, in one statement.
     *
     * @param keys blocking keys as {@link BlockingKeys} writes them
     * @return each key found, with the ids of the businesses that have it
     */
    Map<String, Set<Long>> idsByKey(java.util.Collection<String> keys) {
        Map<String, List<String>> byKind = new java.util.HashMap<>();
        for (String kind : BlockingKeys.KINDS) {
            byKind.put(kind, new ArrayList<>());
        }
        for (String key : keys) {
            int colon = key.indexOf(':');
            byKind.get(key.substring(0, colon)).add(key.substring(colon + 1));
        }
        Map<String, Set<Long>> ids = new java.util.HashMap<>();
        jdbc.sql(IDS_BY_KEY)
                .param("feins", byKind.get("fein").toArray(String[]::new))
                .param("names", byKind.get("name").toArray(String[]::new))
                .param("phones", byKind.get("phone").toArray(String[]::new))
                .param("streets", byKind.get("street").toArray(String[]::new))
                .param("places", byKind.get("place").toArray(String[]::new))
                .param("websites", byKind.get("website").toArray(String[]::new))
                .query((ResultSet rs) -> {
                    String key = BlockingKeys.key(rs.getString(1), rs.getString(2));
                    ids.computeIfAbsent(key, unused -> new java.util.HashSet<>()).add(rs.getLong(3));
                });
        return ids;
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
