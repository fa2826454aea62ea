package org.onedoor.directory.internal;

/**
 * Filters of the service search; a {@code null} or blank filter does not restrict the results.
 *
 * @param query words matched against the service's full-text document, its name (by trigram similarity after
 *              {@code fold_text}) and the partner's name
 * @param countyFips the county of the delivering office
 */
public record ServiceSearch(String query, String categoryCode, Long partnerId, String countyFips) {

    public ServiceSearch {
        query = blankToNull(query);
        categoryCode = blankToNull(categoryCode);
        countyFips = blankToNull(countyFips);
    }

    public static ServiceSearch all() {
        return new ServiceSearch(null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
