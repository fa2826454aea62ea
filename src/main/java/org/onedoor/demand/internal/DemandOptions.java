package org.onedoor.demand.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Filter choices read from the database: the workforce areas, and the counties that needs were raised in. */
@Component
public class DemandOptions {

    public record Choice(String value, String label) {
    }

    private final JdbcClient jdbc;

    DemandOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Choice> areas() {
        return jdbc.sql("SELECT CAST(id AS text) AS value, name AS label FROM workforce_area ORDER BY name, id")
                .query(Choice.class)
                .list();
    }

    public List<Choice> counties() {
        return jdbc.sql("""
                        SELECT c.fips AS value, c.name || ', ' || s.abbreviation AS label
                        FROM us_county c JOIN us_state s ON s.fips = c.state_fips
                        WHERE c.fips IN (SELECT county_fips FROM business_need)
                        ORDER BY label""")
                .query(Choice.class)
                .list();
    }
}
