package org.onedoor.businesses;

/**
 * A business that a person enters by hand or a client sends to the API, as entered. Any value except the legal
 * name may be {@code null} or blank.
 *
 * @param fein federal employer identification number as {@code 12-3456789} or 9 digits
 * @param naicsCode a NAICS 2022 code such as {@code 722511}
 * @param phone a US phone number in any common format, such as {@code (574) 232-2277}
 * @param state the 2-letter USPS state code
 * @param zipCode a 5-digit ZIP code or ZIP+4
 */
public record NewBusiness(String legalName, String tradeName, String fein, String naicsCode, String website,
                          String phone, String streetAddress, String city, String state, String zipCode) {
}
