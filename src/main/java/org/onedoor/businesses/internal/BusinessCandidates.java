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
 * Reads the businesses an incoming record could belong to: those with one of its name keys as legal or trade
 * name, and the one with its FEIN, each with its establishments. The rows are locked until the transaction ends.
 */
@Component
class BusinessCandidates {

    /** A business that shares a name key or the FEIN with an incoming record. */
    record Candidate(long businessId, String legalName, String legalNameKey, List<String> tradeNameKeys, String fein,
                     String naicsCode, String website, List<KnownEstablishment> establishments) {

        boolean sharesNameKey(Set<String> keys) {
            return keys.contains(legalNameKey) || tradeNameKeys.stream().anyMatch(keys::contains);
        }

        /** Returns "Legal name" when the legal name matches one of the keys, else "Trade name". */
        String nameKind(Set<String> keys) {
            return keys.contains(legalNameKey) ? "Legal name" : "Trade name";
        }

        List<String> allNameKeys() {
            List<String> all = new ArrayList<>(tradeNameKeys);
            all.add(0, legalNameKey);
            return all;
        }
    }

    record KnownEstablishment(long id, AddressKey addressKey, String phone, String phoneE164, String postalCode,
                              String countyFips) {
    }

    private final JdbcClient jdbc;

    BusinessCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> find(Set<String> nameKeys, String fein) {
        Map<Long, CandidateBuilder> builders = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT b.id, b.legal_name, b.name_key, b.fein, b.naics_code, b.website,
                               ARRAY(SELECT t.name_key FROM business_trade_name t WHERE t.business_id = b.id
                                     ORDER BY t.id) AS trade_name_keys,
                               e.id AS establishment_id, e.address_key, e.unit_key, e.zip5, e.city_key, e.phone,
                               e.phone_e164, e.postal_code, e.county_fips
                        FROM business b
                        LEFT JOIN establishment e ON e.business_id = b.id
                        WHERE b.id IN (SELECT id FROM business WHERE name_key = ANY (CAST(:keys AS text[]))
                                       UNION
                                       SELECT business_id FROM business_trade_name
                                       WHERE name_key = ANY (CAST(:keys AS text[]))
                                       UNION
                                       SELECT id FROM business WHERE fein = :fein)
                        ORDER BY b.id, e.id
                        FOR UPDATE OF b
                        """)
                .param("keys", nameKeys.toArray(String[]::new))
                .param("fein", fein)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    CandidateBuilder builder = builders.get(id);
                    if (builder == null) {
                        builder = new CandidateBuilder(id, rs.getString("legal_name"), rs.getString("name_key"),
                                strings(rs.getArray("trade_name_keys")), rs.getString("fein"),
                                rs.getString("naics_code"), rs.getString("website"));
                        builders.put(id, builder);
                    }
                    long establishmentId = rs.getLong("establishment_id");
                    if (!rs.wasNull()) {
                        AddressKey key = new AddressKey(rs.getString("address_key"), rs.getString("unit_key"),
                                rs.getString("zip5"), rs.getString("city_key"));
                        builder.establishments.add(new KnownEstablishment(establishmentId, key, rs.getString("phone"),
                                rs.getString("phone_e164"), rs.getString("postal_code"), rs.getString("county_fips")));
                    }
                });
        return builders.values().stream().map(CandidateBuilder::build).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record CandidateBuilder(long id, String legalName, String legalNameKey, List<String> tradeNameKeys,
                                    String fein, String naicsCode, String website,
                                    List<KnownEstablishment> establishments) {

        CandidateBuilder(long id, String legalName, String legalNameKey, List<String> tradeNameKeys, String fein,
                         String naicsCode, String website) {
            this(id, legalName, legalNameKey, tradeNameKeys, fein, naicsCode, website, new ArrayList<>());
        }

        Candidate build() {
            return new Candidate(id, legalName, legalNameKey, List.copyOf(tradeNameKeys), fein, naicsCode, website,
                    List.copyOf(establishments));
        }
    }
}
