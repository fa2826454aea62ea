package org.onedoor.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory for the pages, the CSV downloads and the API. Every partner's entries are visible to every
 * signed-in user; only editing is restricted.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryCatalog {

    private static final String CARD_COLUMNS = """
            SELECT s.id, s.name, p.id AS partner_id, p.name AS partner_name, pr.id AS program_id,
                   pr.name AS program_name, fp.name AS federal_program_name, c.code AS category_code,
                   c.name AS category_name, s.eligibility_description, o.id AS office_id, o.name AS office_name,
                   o.city AS office_city, county.name AS county_name, o.time_zone AS office_time_zone, s.active,
                   s.last_verified_at, s.last_verified_by, review.review_due_at, review.review_overdue
            """;

    private static final String CARD_FROM = """
            FROM service s
            JOIN program pr ON pr.id = s.program_id
            JOIN partner p ON p.id = pr.partner_id
            JOIN office o ON o.id = s.office_id
            JOIN employer_service_category c ON c.code = s.category_code
            JOIN service_review review ON review.service_id = s.id
            LEFT JOIN federal_program fp ON fp.code = pr.federal_program_code
            LEFT JOIN us_county county ON county.fips = o.county_fips
            """;

    private static final String OFFICE_SELECT = """
            SELECT o.id, o.partner_id, p.name AS partner_name, o.name, o.address_line1, o.address_line2, o.city,
                   o.state, o.zip, o.county_fips, county.name AS county_name, o.phone, o.phone_e164, o.email,
                   o.time_zone, o.hours, o.demo
            FROM office o
            JOIN partner p ON p.id = o.partner_id
            LEFT JOIN us_county county ON county.fips = o.county_fips
            """;

    private static final String PROGRAM_SELECT = """
            SELECT pr.id, pr.partner_id, p.name AS partner_name, pr.federal_program_code,
                   fp.name AS federal_program_name, pr.name, pr.description
            FROM program pr
            JOIN partner p ON p.id = pr.partner_id
            LEFT JOIN federal_program fp ON fp.code = pr.federal_program_code
            """;

    private final JdbcClient jdbc;

    DirectoryCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Searches active services. With a query, the best matches come first: full-text rank plus the trigram word
     * similarity of the folded name. Without one, services are ordered by name.
     *
     * @throws InvalidInputException when a category or county filter names nothing that exists
     * @throws NotFoundException when the partner filter names an unknown partner
     */
    public ResultPage<ServiceCard> searchServices(ServiceSearch search, PageRequest page) {
        checkFilters(search);
        SqlFilter filter = SqlFilter.of(search);

        long total = jdbc.sql("SELECT count(*) " + CARD_FROM + " WHERE " + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<ServiceCard> cards = jdbc.sql(CARD_COLUMNS + CARD_FROM + " WHERE " + filter.where()
                        + " ORDER BY " + filter.orderBy() + " LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ServiceCard.class)
                .list();

        return ResultPage.of(cards, page, total);
    }

    /** Returns every active service that matches, in search order, for the CSV download. */
    public List<ServiceCard> searchAllServices(ServiceSearch search) {
        SqlFilter filter = SqlFilter.of(search);
        return jdbc.sql(CARD_COLUMNS + CARD_FROM + " WHERE " + filter.where() + " ORDER BY " + filter.orderBy())
                .params(filter.params())
                .query(ServiceCard.class)
                .list();
    }

    /** Returns a partner's services, active or not, ordered by name. */
    public List<ServiceCard> servicesOfPartner(long partnerId) {
        return jdbc.sql(CARD_COLUMNS + CARD_FROM + " WHERE p.id = :partnerId ORDER BY s.name")
                .param("partnerId", partnerId)
                .query(ServiceCard.class)
                .list();
    }

    /** Returns the services delivered from an office, active or not, ordered by name. */
    public List<ServiceCard> servicesOfOffice(long officeId) {
        return jdbc.sql(CARD_COLUMNS + CARD_FROM + " WHERE o.id = :officeId ORDER BY s.name")
                .param("officeId", officeId)
                .query(ServiceCard.class)
                .list();
    }

    /** Lists every workforce area with its partner count, ordered by name. */
    public List<AreaRow> areas() {
        return jdbc.sql("""
                        SELECT a.id, a.code, a.name, a.state_fips, a.demo,
                               (SELECT count(*) FROM partner p WHERE p.area_id = a.id) AS partner_count
                        FROM workforce_area a
                        ORDER BY a.name, a.id
                        """)
                .query(AreaRow.class)
                .list();
    }

    /** Lists partners whose folded name contains the folded query, ordered by name; a blank query lists all. */
    public ResultPage<PartnerRow> partners(String query, PageRequest page) {
        String text = query == null ? "" : query.strip();
        String where = "(fold_text(:query) = '' OR fold_text(p.name) LIKE '%' || fold_text(:query) || '%')";

        long total = jdbc.sql("SELECT count(*) FROM partner p WHERE " + where)
                .param("query", text)
                .query(Long.class)
                .single();
        List<PartnerRow> rows = jdbc.sql("""
                        SELECT p.id, p.code, p.name, p.description, p.demo,
                               (SELECT count(*) FROM office o WHERE o.partner_id = p.id) AS office_count,
                               (SELECT count(*) FROM program pr WHERE pr.partner_id = p.id) AS program_count,
                               (SELECT count(*) FROM service s JOIN program pr ON pr.id = s.program_id
                                WHERE pr.partner_id = p.id AND s.active) AS service_count
                        FROM partner p
                        WHERE %s
                        ORDER BY p.name, p.id
                        LIMIT :limit OFFSET :offset
                        """.formatted(where))
                .param("query", text)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(PartnerRow.class)
                .list();

        return ResultPage.of(rows, page, total);
    }

    public Optional<PartnerDetails> findPartner(long id) {
        return jdbc.sql("""
                        SELECT p.id, p.area_id, a.name AS area_name, p.code, p.name, p.description, p.website,
                               p.review_period_days, p.demo, p.updated_at
                        FROM partner p
                        JOIN workforce_area a ON a.id = p.area_id
                        WHERE p.id = :id
                        """)
                .param("id", id)
                .query(PartnerDetails.class)
                .optional();
    }

    public Optional<OfficeDetails> findOffice(long id) {
        return jdbc.sql(OFFICE_SELECT + " WHERE o.id = :id")
                .param("id", id)
                .query(OfficeDetails.class)
                .optional();
    }

    public List<OfficeDetails> officesOf(long partnerId) {
        return jdbc.sql(OFFICE_SELECT + " WHERE o.partner_id = :partnerId ORDER BY o.name, o.id")
                .param("partnerId", partnerId)
                .query(OfficeDetails.class)
                .list();
    }

    private void checkFilters(ServiceSearch search) {
        List<FieldProblem> problems = new ArrayList<>();
        if (hasText(search.categoryCode())
                && !exists("SELECT count(*) FROM employer_service_category WHERE code = :value", search.categoryCode())) {
            problems.add(new FieldProblem("category", "Category '" + search.categoryCode() + "' does not exist. Use an "
                    + "employer service category code such as training or workforce-recruitment (see /api/v1/employer-service-categories)."));
        }
        if (hasText(search.countyFips()) && !search.countyFips().matches("[0-9]{5}")) {
            problems.add(new FieldProblem("countyFips", "County FIPS code '" + search.countyFips()
                    + "' is invalid. Use the 5-digit code with leading zeros, such as 18141."));
        } else if (hasText(search.countyFips())
                && !exists("SELECT count(*) FROM us_county WHERE fips = :value", search.countyFips())) {
            problems.add(new FieldProblem("countyFips", "County FIPS code '" + search.countyFips()
                    + "' names no county. Use a county code from /api/v1/states/{state}/counties."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (search.partnerId() != null && findPartner(search.partnerId()).isEmpty()) {
            throw NotFoundException.of("Partner", search.partnerId());
        }
    }

    private boolean exists(String countQuery, String value) {
        return jdbc.sql(countQuery).param("value", value).query(Long.class).single() > 0;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public Optional<ProgramDetails> findProgram(long id) {
        return jdbc.sql(PROGRAM_SELECT + " WHERE pr.id = :id")
                .param("id", id)
                .query(ProgramDetails.class)
                .optional();
    }

    public List<ProgramDetails> allPrograms() {
        return jdbc.sql(PROGRAM_SELECT + " ORDER BY pr.partner_id, pr.name, pr.id")
                .query(ProgramDetails.class)
                .list();
    }

    public List<ProgramDetails> programsOf(long partnerId) {
        return jdbc.sql(PROGRAM_SELECT + " WHERE pr.partner_id = :partnerId ORDER BY pr.name, pr.id")
                .param("partnerId", partnerId)
                .query(ProgramDetails.class)
                .list();
    }

    public Optional<ServiceDetails> findService(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.description, s.eligibility_description, c.code AS category_code,
                               c.name AS category_name, p.id AS partner_id, p.name AS partner_name,
                               pr.id AS program_id, pr.name AS program_name, fp.name AS federal_program_name,
                               s.office_id, s.contact_name, s.contact_email, s.contact_phone, s.active,
                               s.last_verified_at, s.last_verified_by, review.review_due_at,
                               review.review_overdue, s.updated_at, s.response_days, s.first_contact_days
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN employer_service_category c ON c.code = s.category_code
                        JOIN service_review review ON review.service_id = s.id
                        LEFT JOIN federal_program fp ON fp.code = pr.federal_program_code
                        WHERE s.id = :id
                        """)
                .param("id", id)
                .query(ServiceDetails.class)
                .optional();
    }

    /** Returns the counties that have at least one office, for the county filter, ordered by state and name. */
    public List<CountyOption> officeCounties() {
        return jdbc.sql("""
                        SELECT DISTINCT c.fips, c.name, st.abbreviation AS state_abbreviation
                        FROM office o
                        JOIN us_county c ON c.fips = o.county_fips
                        JOIN us_state st ON st.fips = c.state_fips
                        ORDER BY st.abbreviation, c.name
                        """)
                .query(CountyOption.class)
                .list();
    }

    /** The WHERE and ORDER BY of a service search, with its named parameters. */
    private record SqlFilter(String where, String orderBy, Map<String, Object> params) {

        static SqlFilter of(ServiceSearch search) {
            List<String> conditions = new ArrayList<>(List.of("s.active"));
            Map<String, Object> params = new HashMap<>();
            String orderBy = "s.name, s.id";

            if (search.query() != null) {
                // The query is folded for the trigram and partner-name matches, because fold_text also folds
                // the indexed service names.
                conditions.add("""
                        (s.search_document @@ websearch_to_tsquery('english', :query)
                         OR fold_text(:query) <% fold_text(s.name)
                         OR (fold_text(:query) <> '' AND fold_text(p.name) LIKE '%' || fold_text(:query) || '%'))""");
                params.put("query", search.query());
                orderBy = "ts_rank(s.search_document, websearch_to_tsquery('english', :query))"
                        + " + word_similarity(fold_text(:query), fold_text(s.name)) DESC, s.name, s.id";
            }
            if (search.categoryCode() != null) {
                conditions.add("s.category_code = :categoryCode");
                params.put("categoryCode", search.categoryCode());
            }
            if (search.partnerId() != null) {
                conditions.add("p.id = :partnerId");
                params.put("partnerId", search.partnerId());
            }
            if (search.countyFips() != null) {
                conditions.add("o.county_fips = :countyFips");
                params.put("countyFips", search.countyFips());
            }

            return new SqlFilter(String.join(" AND ", conditions), orderBy, params);
        }
    }
}
