package org.onedoor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onedoor.imports.SouthBendImportTest.RealFileImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Imports the real South Bend licence list and checks its placeholder rows: three repeated header rows named
 * "Case Name" at "Location", two rows named "TEST" at one address and four lawn parking rows named "NA".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaceholderRowImportTest {

    /** File line numbers (header = line 1) of the placeholder rows, by name. */
    private static final Map<String, List<Integer>> PLACEHOLDER_LINES = Map.of(
            "Case Name", List.of(1423, 1819, 2391),
            "TEST", List.of(1051, 2653),
            "NA", List.of(829, 926, 1581, 2285));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void placeholderRowsStayApartAndFlagged() {
        JsonNode done = RealFileImport.run(port, "licence-lists/south-bend-in.csv", "south-bend-" + UUID.randomUUID(),
                "M/D/YYYY", "US");
        long importId = done.get("id").asLong();
        assertThat(done.get("status").asString()).isEqualTo("DONE");

        for (Map.Entry<String, List<Integer>> entry : PLACEHOLDER_LINES.entrySet()) {
            List<Integer> lines = entry.getValue();
            List<Map<String, Object>> rows = jdbc.sql("""
                            SELECT line_number, outcome, business_id, legal_name FROM import_row
                            WHERE import_id = :importId AND line_number = ANY (CAST(:lines AS integer[]))
                            ORDER BY line_number
                            """)
                    .param("importId", importId)
                    .param("lines", lines.toArray(Integer[]::new))
                    .query()
                    .listOfRows();
            assertThat(rows).as(entry.getKey()).hasSize(lines.size());
            for (Map<String, Object> row : rows) {
                assertThat(row.get("legal_name")).as("line " + row.get("line_number")).isEqualTo(entry.getKey());
                assertThat(row.get("outcome")).as("line " + row.get("line_number")).isEqualTo("CREATED");
            }
            assertThat(rows.stream().map(row -> row.get("business_id")).distinct().count())
                    .as(entry.getKey() + " rows each have their own business").isEqualTo(lines.size());
            for (Map<String, Object> row : rows) {
                assertThat(sourceRecords((Long) row.get("business_id")))
                        .as("no other row joined the business of line " + row.get("line_number")).isEqualTo(1);
            }

            List<String> reasons = jdbc.sql("""
                            SELECT reason FROM import_issue
                            WHERE import_id = :importId AND line_number = ANY (CAST(:lines AS integer[]))
                              AND severity = 'WARNING' AND column_name = 'Business Name' AND value = :name
                            ORDER BY line_number
                            """)
                    .param("importId", importId)
                    .param("lines", lines.toArray(Integer[]::new))
                    .param("name", entry.getKey())
                    .query(String.class)
                    .list();
            assertThat(reasons).as(entry.getKey() + " warnings").hasSize(lines.size());
            assertThat(reasons).allSatisfy(reason -> assertThat(reason)
                    .startsWith("Business name '" + entry.getKey() + "' is placeholder text")
                    .contains("not joined with other rows"));
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM import_issue i JOIN import_row r USING (import_id, line_number)
                        WHERE i.import_id = :importId AND i.reason LIKE '%is placeholder text%'
                        """).param("importId", importId).query(Long.class).single())
                .as("only the nine placeholder rows are flagged").isEqualTo(9);
    }

    private long sourceRecords(long businessId) {
        return jdbc.sql("SELECT count(*) FROM business_source_record WHERE business_id = :id")
                .param("id", businessId).query(Long.class).single();
    }
}
