package org.onedoor.businesses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.IncomingAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks that the place key Java computes for a record ({@link AddressKey#placeKey}) equals the one the database
 * computes for stored establishments ({@code street_place_key}, V31), on every street of the real address lists the
 * tests ship. A record whose key differed would never find its candidates through the index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreetPlaceKeyTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void javaAndDatabaseKeysAgreeOnRealStreets() throws IOException {
        Set<String> streets = new LinkedHashSet<>();
        addStreets(streets, "/licence-lists/south-bend-in.csv", "Street Address");
        addStreets(streets, "/licence-lists/little-rock-ar.csv", "Address");
        addStreets(streets, "/matching/chicago-ece.csv", "Address");
        streets.addAll(Set.of("100 n main st", "100 main", "100 n", "100", "7 e 119th st", "12 ne 3rd ave apt"));

        Map<String, String> database = new HashMap<>();
        jdbc.sql("SELECT street, street_place_key(street) FROM unnest(CAST(:streets AS text[])) AS s(street)")
                .param("streets", streets.toArray(String[]::new))
                .query(rs -> {
                    database.put(rs.getString(1), rs.getString(2));
                });

        assertThat(streets).hasSizeGreaterThan(10_000);
        for (String street : streets) {
            String java = new AddressKey(street, null, null, null).placeKey();
            assertThat(database.get(street)).as(street).isEqualTo(java);
        }
    }

    @Test
    void keyLeavesOutDirectionalSuffixAndLaterWords() {
        assertThat(key("3801 S Wabash Ave")).isEqualTo("3801 wabash");
        assertThat(key("3801 S. Wabash")).isEqualTo("3801 wabash");
        assertThat(key("8128 S Dr. Martin Luther King Dr")).isEqualTo("8128 dr");
        assertThat(key("1805 Lincoln Way W")).isEqualTo("1805 lincoln");
    }

    private static String key(String line1) {
        return AddressKey.of(new IncomingAddress(line1, null, "Chicago", "IL", null, "US", null)).placeKey();
    }

    private static void addStreets(Set<String> streets, String resource, String column) throws IOException {
        try (Reader reader = new InputStreamReader(StreetPlaceKeyTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String street = AddressKey.of(new IncomingAddress(row.get(column), null, null, null, null, "US", null))
                        .street();
                if (street != null) {
                    streets.add(street);
                }
            }
        }
    }
}
