package org.onedoor.businesses;

/**
 * An establishment address as a source gives it, already split into parts and trimmed. Any part may be
 * {@code null}.
 *
 * @param postalCode a US ZIP code as {@code 12345} or {@code 12345-6789}, or another country's postal code as given
 * @param countryCode ISO 3166-1 alpha-2 code, {@code US} unless the source gives another
 * @param countyFips 5-digit county FIPS code when known
 */
public record IncomingAddress(String line1, String line2, String city, String state, String postalCode,
                              String countryCode, String countyFips) {
}
