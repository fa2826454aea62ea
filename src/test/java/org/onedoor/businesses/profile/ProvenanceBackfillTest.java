package org.onedoor.businesses.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the provenance that the history trigger keeps and that the migration's backfill rebuilds from
 * business_history and source records.
 */
@SpringBootTest
class ProvenanceBackfillTest {

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registryWritesProvenanceThroughHistory() {
        long businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());

        assertThat(facts(businessId)).containsEntry("legal_name", "IMPORT_ROW profile-test.csv 2")
                .containsEntry("naics_code", "IMPORT_ROW profile-test.csv 2")
                .containsEntry("establishment.address", "IMPORT_ROW profile-test.csv 2")
                .containsEntry("establishment.phone", "IMPORT_ROW profile-test.csv 2");
    }

    @Test
    void backfillRebuildsProvenanceFromHistory() {
        long businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
        Map<String, String> before = facts(businessId);
        jdbc.sql("DELETE FROM business_fact WHERE business_id = :id").param("id", businessId).update();

        jdbc.sql("SELECT backfill_business_facts()").query((rs, row) -> true).list();

        assertThat(facts(businessId)).isEqualTo(before);
    }

    @Test
    void backfillFallsBackToFirstSourceRecord() {
        long businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
        jdbc.sql("DELETE FROM business_fact WHERE business_id = :id").param("id", businessId).update();
        // A value written without a history row, as rows from before the history existed would be.
        jdbc.sql("UPDATE business SET website = 'https://example.com' WHERE id = :id").param("id", businessId).update();

        jdbc.sql("SELECT backfill_business_facts()").query((rs, row) -> true).list();

        assertThat(facts(businessId)).containsEntry("website", "IMPORT_ROW profile-test.csv 2");
    }

    @Test
    void conflictDoesNotChangeProvenance() {
        String word = ProfileFixtures.uniqueWord();
        long businessId = ProfileFixtures.importedBusiness(registry, word);
        jdbc.sql("""
                        INSERT INTO business_history (business_id, field, action, old_value, new_value, source_kind)
                        VALUES (:id, 'naics_code', 'CONFLICT', '722511', '311811', 'PARTNER_SYSTEM')
                        """)
                .param("id", businessId)
                .update();

        assertThat(facts(businessId)).containsEntry("naics_code", "IMPORT_ROW profile-test.csv 2");
        assertThat(jdbc.sql("SELECT value FROM business_fact WHERE business_id = :id AND field = 'naics_code'")
                .param("id", businessId).query(String.class).single()).isEqualTo("722511");
    }

    /** Returns field to "kind source line" of each value's provenance, for comparison. */
    private Map<String, String> facts(long businessId) {
        List<Map.Entry<String, String>> rows = jdbc.sql("""
                        SELECT f.field, f.source_kind || ' ' || coalesce(s.source_name, '-') || ' '
                                        || coalesce(s.line_number::text, '-') AS provenance
                        FROM business_fact f
                        LEFT JOIN business_source_record s ON s.id = f.source_record_id
                        WHERE f.business_id = :id
                        ORDER BY f.field
                        """)
                .param("id", businessId)
                .query((rs, row) -> Map.entry(rs.getString("field"), rs.getString("provenance")))
                .list();
        return rows.stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (first, second) -> first, java.util.TreeMap::new));
    }
}
