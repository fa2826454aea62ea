package org.onedoor.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the reference data that ships with every installation. Names and titles are compared after
 * {@code fold_text}, so case, accents and punctuation do not matter ("dona ana" finds "Doña Ana County").
 */
@Service
public class ReferenceData {

    private static final String NAICS_COLUMNS = "code, title, level, sector_code, parent_code";

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NaicsCode> findNaics(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + NAICS_COLUMNS + " FROM naics_code WHERE code = :code")
                .param("code", code.strip())
                .query(NaicsCode.class)
                .optional();
    }

    public boolean isValidNaics(String code) {
        return findNaics(code).isPresent();
    }

    /** Returns the codes one level below {@code code}, ordered by code, or none for a 6-digit or unknown code. */
    public List<NaicsCode> naicsChildren(String code) {
        if (code == null) {
            return List.of();
        }
        return jdbc.sql("SELECT " + NAICS_COLUMNS + " FROM naics_code WHERE parent_code = :code ORDER BY code")
                .param("code", code.strip())
                .query(NaicsCode.class)
                .list();
    }

    /**
     * Returns the sector that the first two digits of {@code code} belong to, such as {@code 31-33} for
     * {@code 311111} or for {@code 31}, whether or not the code itself exists.
     */
    public Optional<NaicsCode> sectorOf(String code) {
        if (code == null || code.strip().length() < 2) {
            return Optional.empty();
        }
        String prefix = code.strip().substring(0, 2);
        return jdbc.sql("""
                        SELECT code, title, level, sector_code, parent_code
                        FROM naics_code
                        WHERE level = 2
                          AND (code = :prefix
                               OR (code LIKE '__-__' AND :prefix BETWEEN left(code, 2) AND right(code, 2)))
                        """)
                .param("prefix", prefix)
                .query(NaicsCode.class)
                .optional();
    }

    /**
     * Searches NAICS titles after folding both sides. Titles that contain the whole query come first, then
     * titles that contain every word of it, then titles with a similar word (pg_trgm word similarity). A query
     * of digits also matches codes that start with it. A blank query returns an empty list.
     *
     * @param limit the maximum number of results, at least 1
     */
    public List<NaicsCode> searchNaics(String query, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH q AS (SELECT fold_text(:query) AS folded),
                        candidate AS (
                            SELECT n.code, n.title, n.level, n.sector_code, n.parent_code,
                                   fold_text(n.title) AS folded_title, q.folded
                            FROM naics_code n CROSS JOIN q
                            WHERE q.folded <> '')
                        SELECT code, title, level, sector_code, parent_code
                        FROM candidate c
                        WHERE c.folded_title LIKE '%' || c.folded || '%'
                           OR NOT EXISTS (SELECT 1
                                          FROM unnest(string_to_array(c.folded, ' ')) AS word
                                          WHERE c.folded_title NOT LIKE '%' || word || '%')
                           OR c.folded <% c.folded_title
                           OR (c.folded ~ '^[0-9]+$' AND c.code LIKE c.folded || '%')
                        ORDER BY c.code = c.folded DESC,
                                 c.folded_title LIKE '%' || c.folded || '%' DESC,
                                 word_similarity(c.folded, c.folded_title) DESC,
                                 c.level,
                                 c.code
                        LIMIT :limit
                        """)
                .param("query", query)
                .param("limit", limit)
                .query(NaicsCode.class)
                .list();
    }

    /** Returns the 50 states and the District of Columbia, ordered by name. */
    public List<State> states() {
        return jdbc.sql("SELECT fips, abbreviation, name FROM us_state ORDER BY name")
                .query(State.class)
                .list();
    }

    public Optional<State> findStateByAbbreviation(String abbreviation) {
        if (abbreviation == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT fips, abbreviation, name FROM us_state WHERE abbreviation = :abbreviation")
                .param("abbreviation", abbreviation.strip().toUpperCase(Locale.ROOT))
                .query(State.class)
                .optional();
    }

    /** Returns the counties of a state by its 2-digit FIPS code, ordered by name; empty for an unknown state. */
    public List<County> countiesOf(String stateFips) {
        if (stateFips == null) {
            return List.of();
        }
        return jdbc.sql("SELECT fips, state_fips, name FROM us_county WHERE state_fips = :stateFips ORDER BY name")
                .param("stateFips", stateFips.strip())
                .query(County.class)
                .list();
    }

    public Optional<County> findCounty(String fips) {
        if (fips == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT fips, state_fips, name FROM us_county WHERE fips = :fips")
                .param("fips", fips.strip())
                .query(County.class)
                .optional();
    }

    /**
     * Finds a county by state abbreviation and name, compared after folding. The name may leave out the word
     * "County", or the "Parish", "Borough", "Census Area", "City and Borough" or "Municipality" that names a
     * county equivalent. An exact name wins, then one ending in "County": "Richmond" in Virginia finds Richmond
     * County, and "Richmond city" finds the independent city.
     */
    public Optional<County> findCountyByName(String stateAbbreviation, String countyName) {
        if (stateAbbreviation == null || countyName == null || countyName.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        WITH q AS (SELECT fold_text(:name) AS folded)
                        SELECT c.fips, c.state_fips, c.name
                        FROM us_county c
                        JOIN us_state s ON s.fips = c.state_fips
                        CROSS JOIN q
                        WHERE s.abbreviation = :abbreviation
                          AND q.folded <> ''
                          AND fold_text(c.name) IN (q.folded,
                                                    q.folded || ' county',
                                                    q.folded || ' parish',
                                                    q.folded || ' borough',
                                                    q.folded || ' census area',
                                                    q.folded || ' city and borough',
                                                    q.folded || ' municipality')
                        ORDER BY fold_text(c.name) = q.folded DESC,
                                 fold_text(c.name) = q.folded || ' county' DESC,
                                 c.fips
                        LIMIT 1
                        """)
                .param("name", countyName)
                .param("abbreviation", stateAbbreviation.strip().toUpperCase(Locale.ROOT))
                .query(County.class)
                .optional();
    }

    /** Returns the one-stop partner programs, required ones first, in a stable display order. */
    public List<FederalProgram> federalPrograms() {
        return jdbc.sql("""
                        SELECT code, name, authority, federal_agency, required, description
                        FROM federal_program
                        ORDER BY sort_order
                        """)
                .query(FederalProgram.class)
                .list();
    }

    /** Returns the eight employer service categories in the order of federal performance reporting. */
    public List<EmployerServiceCategory> employerServiceCategories() {
        return jdbc.sql("SELECT code, name, definition FROM employer_service_category ORDER BY sort_order")
                .query(EmployerServiceCategory.class)
                .list();
    }
}
