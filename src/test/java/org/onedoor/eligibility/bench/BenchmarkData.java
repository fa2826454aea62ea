package org.onedoor.eligibility.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Seeds the services panel benchmark's directory and businesses with set-based SQL. */
final class BenchmarkData {

    /** Ten distinct rule expressions, so the benchmark compiles ten programs and reuses them. */
    private static final String[] EXPRESSIONS = {
            "employee_band_min < 500",
            "'ON_THE_JOB_TRAINEES' in hiring_needs",
            "layoff_announced",
            "hires_people_with_disabilities",
            "hires_veterans || years_in_operation >= 5",
            "naics_sector in ['31-33', '62']",
            "in_service_area && employee_band_min >= 20",
            "ownership_type == 'NONPROFIT'",
            "hourly_wage_offered >= 15.0",
            "'18141' in establishment_counties"};

    private BenchmarkData() {
    }

    /** Seeds everything and returns the first and last id of the seeded businesses. */
    static long[] seed(JdbcClient jdbc, int partners, int services, int businesses) {
        long areaId = jdbc.sql("""
                        INSERT INTO workforce_area (code, name, state_fips) VALUES ('bench-area', 'Benchmark area', '18')
                        RETURNING id""")
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO partner (area_id, code, name)
                        SELECT :areaId, 'bench-partner-' || g, 'Benchmark partner ' || g FROM generate_series(1, :count) g
                        """)
                .param("areaId", areaId).param("count", partners).update();
        jdbc.sql("""
                        INSERT INTO office (partner_id, name, address_line1, city, state, zip, county_fips, time_zone)
                        SELECT id, 'Benchmark office', '1 Example Street', 'South Bend', 'IN', '46601', '18141',
                               'America/Indiana/Indianapolis'
                        FROM partner WHERE area_id = :areaId""")
                .param("areaId", areaId).update();
        jdbc.sql("""
                        INSERT INTO program (partner_id, name)
                        SELECT id, 'Benchmark program' FROM partner WHERE area_id = :areaId""")
                .param("areaId", areaId).update();
        jdbc.sql("""
                        INSERT INTO service (program_id, office_id, category_code, name, description)
                        SELECT pr.id, o.id,
                               (ARRAY['employer-information', 'workforce-recruitment', 'strategic-planning',
                                      'untapped-labor-pools', 'training', 'incumbent-worker-training',
                                      'rapid-response', 'planning-layoff-response'])[1 + g % 8],
                               'Benchmark service ' || g, 'A benchmark service.'
                        FROM generate_series(1, :count) g
                        JOIN partner p ON p.area_id = :areaId AND p.code = 'bench-partner-' || (1 + g % :partners)
                        JOIN program pr ON pr.partner_id = p.id
                        JOIN office o ON o.partner_id = p.id""")
                .param("count", services).param("areaId", areaId).param("partners", partners).update();
        jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_by)
                        SELECT s.id, 'SLOTS', 10, s.id % 11, 'Benchmark'
                        FROM service s WHERE s.name LIKE 'Benchmark service %' AND s.id % 3 <> 0""")
                .update();
        jdbc.sql("""
                        INSERT INTO service_eligibility (service_id, combination)
                        SELECT s.id, CASE WHEN s.id % 4 = 0 THEN 'ANY' ELSE 'ALL' END
                        FROM service s WHERE s.name LIKE 'Benchmark service %' AND s.id % 2 = 0""")
                .update();
        for (int i = 0; i < EXPRESSIONS.length; i++) {
            jdbc.sql("""
                            INSERT INTO eligibility_rule (service_id, position, label, expression)
                            SELECT e.service_id, r.position, 'Benchmark rule ' || r.position, r.expression
                            FROM service_eligibility e
                            JOIN service s ON s.id = e.service_id AND s.name LIKE 'Benchmark service %'
                            CROSS JOIN (VALUES (0, :first), (1, :second)) AS r(position, expression)
                            WHERE e.service_id % :count = :index""")
                    .param("first", EXPRESSIONS[i])
                    .param("second", EXPRESSIONS[(i + 3) % EXPRESSIONS.length])
                    .param("count", EXPRESSIONS.length)
                    .param("index", i)
                    .update();
        }

        long first = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM business").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO business (legal_name, name_key, naics_code, employee_band, year_started,
                                              hires_veterans, hiring_needs)
                        SELECT 'Benchmark business ' || g, 'benchmarkbusiness' || g,
                               CASE WHEN g % 2 = 0 THEN '332710' ELSE '722511' END,
                               (ARRAY['1-4', '20-49', '100-249', '500-999'])[1 + g % 4], 1980 + g % 40,
                               CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END,
                               CASE WHEN g % 5 = 0 THEN NULL ELSE ARRAY['ON_THE_JOB_TRAINEES'] END
                        FROM generate_series(1, :count) g""")
                .param("count", businesses).update();
        long last = jdbc.sql("SELECT max(id) FROM business").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO establishment (business_id, city, state, postal_code, county_fips)
                        SELECT id, 'South Bend', 'IN', '46601', '18141' FROM business WHERE id BETWEEN :first AND :last""")
                .param("first", first).param("last", last).update();
        jdbc.sql("ANALYZE").update();
        return new long[] {first, last};
    }
}
