package org.onedoor.publicdirectory.internal;

/**
 * The filters of a public service search; a {@code null} or blank filter does not restrict the results.
 *
 * @param query what the business needs, in its own words
 * @param categoryCode an employer service category code, such as {@code training}
 * @param countyFips the 5-digit FIPS code of the county of the office that delivers the service
 */
public record PublicSearch(String query, String categoryCode, String countyFips) {

    public PublicSearch {
        query = blankToNull(query);
        categoryCode = blankToNull(categoryCode);
        countyFips = blankToNull(countyFips);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
