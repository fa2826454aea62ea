package org.onedoor.publicdirectory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the active services of every workforce area for the public pages, with their availability and the office
 * to contact. It reads the directory's tables directly because it shows them in a shape of its own and never
 * changes them.
 */
@Component
public class PublicCatalog {

    private static final String SELECT = """
            SELECT s.id, s.name, s.description, s.eligibility_description, s.category_code, p.id AS partner_id,
                   p.name AS partner_name, pr.name AS program_name, a.id AS area_id, a.name AS area_name,
                   s.contact_name, s.contact_email, s.contact_phone, s.last_verified_at,
                   (s.last_verified_at IS NULL
                    OR s.last_verified_at < now() - make_interval(days => p.review_period_days)) AS overdue,
                   o.name AS office_name, o.address_line1, o.address_line2, o.city, o.state, o.zip,
                   ct.name AS county_name, o.phone, o.phone_e164, o.email, o.hours, o.time_zone,
                   sc.unit, sc.available_units, sc.maximum_units, sc.updated_at AS capacity_updated_at,
                   CASE WHEN sc.service_id IS NULL OR sc.updated_at + sc.freshness_limit < now() THEN 'UNKNOWN'
                        WHEN sc.available_units > 0 THEN 'AVAILABLE'
                        ELSE 'FULL' END AS availability
            FROM service s
            JOIN program pr ON pr.id = s.program_id
            JOIN partner p ON p.id = pr.partner_id
            JOIN workforce_area a ON a.id = p.area_id
            JOIN office o ON o.id = s.office_id
            LEFT JOIN us_county ct ON ct.fips = o.county_fips
            LEFT JOIN service_capacity sc ON sc.service_id = s.id
            """;

    private final JdbcClient jdbc;

    PublicCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Searches the active services. With a query, a service matches when its full-text document contains any of
     * the query's words (after {@link PlainWords}) or its folded name is similar to the query by trigrams, which
     * catches typos. Services that contain every word of the query as typed come first, then the rest by text
     * rank and name similarity. Without a query, services are listed by name.
     *
     * @throws InvalidInputException for an unknown category or county
     */
    @Transactional(readOnly = true)
    public ResultPage<PublicService> search(PublicSearch search, PageRequest page) {
        checkFilters(search);
        List<String> conditions = new ArrayList<>(List.of("s.active"));
        Map<String, Object> params = new LinkedHashMap<>();
        String orderBy = "s.name, s.id";

        if (search.query() != null) {
            String anyWord = PlainWords.anyWordQuery(search.query());
            params.put("query", search.query());
            // A query of filler words only, such as "help", is matched as typed rather than not at all.
            params.put("anyWord", anyWord == null ? search.query() : anyWord);
            conditions.add("(s.search_document @@ websearch_to_tsquery('english', :anyWord)"
                    + " OR fold_text(:query) <% fold_text(s.name))");
            orderBy = "(s.search_document @@ websearch_to_tsquery('english', :query)) DESC,"
                    + " ts_rank(s.search_document, websearch_to_tsquery('english', :anyWord))"
                    + " + word_similarity(fold_text(:query), fold_text(s.name)) DESC, s.name, s.id";
        }
        if (search.categoryCode() != null) {
            conditions.add("s.category_code = :category");
            params.put("category", search.categoryCode());
        }
        if (search.countyFips() != null) {
            conditions.add("o.county_fips = :county");
            params.put("county", search.countyFips());
        }
        String where = " WHERE " + String.join(" AND ", conditions);

        long total = jdbc.sql("SELECT count(*) FROM (" + SELECT + where + ") matches")
                .params(params)
                .query(Long.class)
                .single();
        List<PublicService> items = jdbc.sql(SELECT + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(PublicCatalog::service)
                .list();
        return ResultPage.of(items, page, total);
    }

    /** Finds an active service; an inactive one is not public. */
    @Transactional(readOnly = true)
    public Optional<PublicService> findService(long id) {
        return jdbc.sql(SELECT + " WHERE s.active AND s.id = :id")
                .param("id", id)
                .query(PublicCatalog::service)
                .optional();
    }

    /** Lists the active services of an area by name, for the checkboxes of the contact form. */
    @Transactional(readOnly = true)
    public List<PublicService> servicesOfArea(long areaId) {
        return jdbc.sql(SELECT + " WHERE s.active AND a.id = :areaId ORDER BY s.name, s.id")
                .param("areaId", areaId)
                .query(PublicCatalog::service)
                .list();
    }

    /** Lists the active services with these ids, in id order; unknown or inactive ids are left out. */
    @Transactional(readOnly = true)
    public List<PublicService> servicesWithIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE s.active AND s.id IN (:ids) ORDER BY s.id")
                .param("ids", List.copyOf(ids))
                .query(PublicCatalog::service)
                .list();
    }

    /** A workforce area whose business services team receives requests. */
    public record Area(long id, String name) {
    }

    /** Lists the areas that have at least one active service, by name. */
    @Transactional(readOnly = true)
    public List<Area> areas() {
        return jdbc.sql("""
                        SELECT a.id, a.name
                        FROM workforce_area a
                        WHERE EXISTS (SELECT 1 FROM service s
                                      JOIN program pr ON pr.id = s.program_id
                                      JOIN partner p ON p.id = pr.partner_id
                                      WHERE p.area_id = a.id AND s.active)
                        ORDER BY a.name, a.id
                        """)
                .query(Area.class)
                .list();
    }

    /** A county that has an office delivering an active service. */
    public record CountyChoice(String fips, String label) {
    }

    /** Lists the counties of offices that deliver active services, by name, for the county filter. */
    @Transactional(readOnly = true)
    public List<CountyChoice> counties() {
        return jdbc.sql("""
                        SELECT DISTINCT ct.fips, ct.name || ', ' || st.name AS label
                        FROM service s
                        JOIN office o ON o.id = s.office_id
                        JOIN us_county ct ON ct.fips = o.county_fips
                        JOIN us_state st ON st.fips = ct.state_fips
                        WHERE s.active
                        ORDER BY label
                        """)
                .query(CountyChoice.class)
                .list();
    }

    private void checkFilters(PublicSearch search) {
        List<FieldProblem> problems = new ArrayList<>();
        if (search.categoryCode() != null && !PlainCategories.exists(search.categoryCode())) {
            problems.add(new FieldProblem("category", "Kind of help '" + search.categoryCode()
                    + "' is not one of the choices. Pick one from the list, or all kinds of help."));
        }
        if (search.countyFips() != null && counties().stream().noneMatch(c -> c.fips().equals(search.countyFips()))) {
            problems.add(new FieldProblem("county", "County '" + search.countyFips()
                    + "' has no office in the directory. Pick one from the list, or all counties."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static PublicService service(ResultSet rs, int row) throws SQLException {
        OfficeContact office = new OfficeContact(rs.getString("office_name"), rs.getString("address_line1"),
                rs.getString("address_line2"), rs.getString("city"), rs.getString("state"), rs.getString("zip"),
                rs.getString("county_name"), rs.getString("phone"), rs.getString("phone_e164"), rs.getString("email"),
                rs.getString("hours"), rs.getString("time_zone"));
        Availability availability = rs.getString("unit") == null ? Availability.unknown()
                : new Availability(Availability.State.valueOf(rs.getString("availability")), rs.getString("unit"),
                        rs.getInt("available_units"), rs.getInt("maximum_units"),
                        instant(rs.getTimestamp("capacity_updated_at")));
        return new PublicService(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("eligibility_description"), rs.getString("category_code"), rs.getLong("partner_id"),
                rs.getString("partner_name"), rs.getString("program_name"), rs.getLong("area_id"),
                rs.getString("area_name"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), availability, office, instant(rs.getTimestamp("last_verified_at")),
                rs.getBoolean("overdue"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
