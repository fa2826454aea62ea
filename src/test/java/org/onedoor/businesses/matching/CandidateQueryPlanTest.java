package org.onedoor.businesses.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.internal.CandidateSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks with EXPLAIN that the candidate query reads business, trade name and establishment rows only through
 * indexes once the tables hold enough rows for the planner to prefer them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CandidateQueryPlanTest {

    private static final int FILLER_ROWS = 20_000;
    private static final String FILLER_IDS = "SELECT id FROM business WHERE website_key LIKE 'filler%.example'";

    @Autowired
    JdbcClient jdbc;

    @Test
    void candidateQueryUsesIndexesOnly() {
        List<String> plan;
        synchronized (CandidateQueryPlanTest.class) {
            addFillerBusinesses();
            try {
                plan = explainCandidateQuery();
            } finally {
                removeFillerBusinesses();
            }
        }
        String text = String.join("\n", plan);

        assertThat(text).as(text).doesNotContain("Seq Scan on business ");
        assertThat(text).as(text).doesNotContain("Seq Scan on business_trade_name");
        assertThat(text).as(text).doesNotContain("Seq Scan on establishment");
        assertThat(text).as(text).contains("business_legal_name_words");
        assertThat(text).as(text).contains("business_trade_name_words");
        assertThat(text).as(text).contains("business_website_key");
        assertThat(text).as(text).contains("establishment_place_key");
    }

    private List<String> explainCandidateQuery() {
        return jdbc.sql("EXPLAIN " + CandidateSearch.candidateIdsSql(2))
                .param("fein", "12-3456789")
                .param("nameKeys", new String[] {"franksplace"})
                .param("phones", new String[] {"+15742322277"})
                .param("streets", new String[] {"327 w marion st"})
                .param("places", new String[] {"327 marion"})
                .param("websiteKey", "franksplace.example")
                .param("words0", new String[] {"franks"})
                .param("words1", new String[] {"franks", "max"})
                .param("limit", CandidateSearch.SIMILAR_NAMES_PER_WORD)
                .query(String.class)
                .list();
    }

    /**
     * Adds 20,000 businesses with trade names and establishments, then vacuums the tables. The filler names are
     * random strings of the letters j, k, q, v, w, x, y and z, so their trigrams rarely occur in other names.
     */
    private void addFillerBusinesses() {
        jdbc.sql("""
                        INSERT INTO business (legal_name, name_key, website, website_key)
                        SELECT translate(md5(i::text), '0123456789abcdef', 'jkqvwxyzjkqvwxyz'),
                               translate(md5(i::text), '0123456789abcdef', 'jkqvwxyzjkqvwxyz'),
                               'https://filler' || i || '.example', 'filler' || i || '.example'
                        FROM generate_series(1, :rows) AS i
                        """)
                .param("rows", FILLER_ROWS)
                .update();
        jdbc.sql("""
                        INSERT INTO business_trade_name (business_id, name, name_key)
                        SELECT id, translate(md5('trade' || id), '0123456789abcdef', 'jkqvwxyzjkqvwxyz'),
                               translate(md5('trade' || id), '0123456789abcdef', 'jkqvwxyzjkqvwxyz')
                        FROM business WHERE id IN (""" + FILLER_IDS + ")")
                .update();
        jdbc.sql("""
                        INSERT INTO establishment (business_id, address_line1, city, state, postal_code, phone_e164,
                                                   address_key, zip5)
                        SELECT id, (id % 9000 + 100) || ' Filler Rd', 'South Bend', 'IN', '46601',
                               '+1574' || lpad((id % 10000000)::text, 7, '2'), (id % 9000 + 100) || ' filler rd', '46601'
                        FROM business WHERE id IN (""" + FILLER_IDS + ")")
                .update();
        vacuum();
    }

    /** Removes the filler rows again, so the trigram lookups of later tests in this JVM read small tables. */
    private void removeFillerBusinesses() {
        jdbc.sql("DELETE FROM establishment WHERE business_id IN (" + FILLER_IDS + ")").update();
        jdbc.sql("DELETE FROM business_trade_name WHERE business_id IN (" + FILLER_IDS + ")").update();
        jdbc.sql("DELETE FROM business WHERE id IN (" + FILLER_IDS + ")").update();
        vacuum();
    }

    // VACUUM also moves new rows out of the GIN indexes' pending lists, as autovacuum would. The planner prices a
    // long pending list into every trigram index scan.
    private void vacuum() {
        jdbc.sql("VACUUM ANALYZE business").update();
        jdbc.sql("VACUUM ANALYZE business_trade_name").update();
        jdbc.sql("VACUUM ANALYZE establishment").update();
    }
}
