package org.onedoor.hsds;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workforce areas that HSDS tests import into, deleted with everything imported into them after each test. The
 * tests of one JVM share a database, and imported partners would otherwise crowd the first page of partner lists
 * that other tests read.
 */
final class TestAreas {

    private final JdbcClient jdbc;
    private final List<Long> created = new ArrayList<>();

    TestAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates an empty area in the state with this FIPS code and returns its id. */
    long create(String stateFips) {
        String code = "hsds-test-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("INSERT INTO workforce_area (code, name, state_fips) VALUES (:code, :name, :state) RETURNING id")
                .param("code", code)
                .param("name", "HSDS test area " + code)
                .param("state", stateFips)
                .query(Long.class)
                .single();
        created.add(id);
        return id;
    }

    String name(long areaId) {
        return jdbc.sql("SELECT name FROM workforce_area WHERE id = :id").param("id", areaId).query(String.class).single();
    }

    void deleteAll() {
        for (long areaId : created) {
            for (String sql : List.of(
                    "DELETE FROM hsds_note WHERE import_id IN (SELECT id FROM hsds_import WHERE area_id = :area)",
                    "DELETE FROM hsds_import_row WHERE import_id IN (SELECT id FROM hsds_import WHERE area_id = :area)",
                    "DELETE FROM hsds_import WHERE area_id = :area",
                    """
                    DELETE FROM service_capacity WHERE service_id IN (
                        SELECT s.id FROM service s JOIN program p ON p.id = s.program_id
                        JOIN partner pa ON pa.id = p.partner_id WHERE pa.area_id = :area)""",
                    """
                    DELETE FROM service WHERE program_id IN (
                        SELECT p.id FROM program p JOIN partner pa ON pa.id = p.partner_id WHERE pa.area_id = :area)""",
                    "DELETE FROM program WHERE partner_id IN (SELECT id FROM partner WHERE area_id = :area)",
                    "DELETE FROM office WHERE partner_id IN (SELECT id FROM partner WHERE area_id = :area)",
                    "DELETE FROM partner WHERE area_id = :area",
                    "DELETE FROM workforce_area WHERE id = :area")) {
                jdbc.sql(sql).param("area", areaId).update();
            }
        }
        created.clear();
    }
}
