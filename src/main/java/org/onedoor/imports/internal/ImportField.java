package org.onedoor.imports.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A field that a CSV column can feed. Saved mappings and the API name it by its code. The synonyms are normalized
 * header texts (lower case, each run of characters other than letters and digits as one space) that map to the
 * field without a choice by the user.
 */
public enum ImportField {

    LEGAL_NAME("legal-name", "Legal name (required)", null,
            "business name", "business", "legal name", "name", "company", "company name", "businessname",
            "business legal name", "establishment name", "employer name"),
    TRADE_NAME("trade-name", "Trade name (doing business as)", null, "trade name", "dba", "doing business as", "dba name"),
    FEIN("fein", "FEIN", null, "fein", "ein", "federal employer identification number", "federal tax id"),
    NAICS("naics", "NAICS code", null, "naics primary", "naics", "naics code", "naics 2022"),
    WEBSITE("website", "Website", null, "website", "web site", "url", "web address"),
    PHONE("phone", "Phone", null, "phone no", "phone", "phone number", "telephone", "business phone", "phone no."),
    ADDRESS_LINE1("address-line1", "Street address", null,
            "street address", "address", "address1", "address line 1", "street", "location address", "business address"),
    ADDRESS_LINE2("address-line2", "Address line 2 (suite, unit)", null, "address2", "address line 2", "suite"),
    CIVIC_UNIT("civic-unit", "Civic address: unit", null, "civic unit", "unit"),
    CIVIC_HOUSE("civic-house", "Civic address: house number", null, "civic house", "house number", "street number"),
    CIVIC_STREET("civic-street", "Civic address: street", null, "civic street", "street name"),
    CITY("city", "City", null, "city", "town", "municipality"),
    STATE("state", "State or province", null, "state", "province", "st", "state code"),
    POSTAL_CODE("postal-code", "ZIP or postal code", null, "zip code", "zip", "zipcode", "postal code", "postcode", "zip 5"),
    COUNTRY("country", "Country", null, "country", "country code"),
    MAILING_ADDRESS("mailing-address", "Mailing address (whole, may span lines)", "mailing_address",
            "mailing address"),
    LICENCE_TYPE("licence-type", "Licence type", "licence_type",
            "license type", "licence type", "licence desc", "license desc", "license description", "classification"),
    LICENCE_CATEGORY("licence-category", "Licence category", "licence_category", "category", "license category", "licence category"),
    LICENCE_STATUS("licence-status", "Licence status", "licence_status", "status", "license status", "licence status"),
    LICENCE_YEAR("licence-year", "Licence year", "licence_year", "year", "license year", "licence year"),
    LICENCE_NUMBER("licence-number", "Licence number", "licence_number",
            "licencenumber", "licensenumber", "license number", "licence number", "license no", "licence no"),
    START_DATE("start-date", "Licence start date", "start_date",
            "account start date", "start date", "issue date", "issued date", "license start date", "approved date"),
    FACT("fact", "Keep as a fact named by the header", null,
            "x", "y", "fid", "propertynumber", "property number", "gislink", "communityname", "community name",
            "naics primary desc", "category desc", "detail", "detail desc", "permitted use", "permitted use desc",
            "seasonal employees", "parttime employees", "fulltime employees", "latitude", "longitude"),
    IGNORE("ignore", "Do not import", null);

    private final String code;
    private final String label;
    private final String factKey;
    private final Set<String> synonyms;

    ImportField(String code, String label, String factKey, String... synonyms) {
        this.code = code;
        this.label = label;
        this.factKey = factKey;
        this.synonyms = Set.of(Arrays.stream(synonyms).map(ImportField::normalizeHeader).distinct().toArray(String[]::new));
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Returns the key under which the field's value is kept in the source facts, or {@code null} for profile fields. */
    String factKey() {
        return factKey;
    }

    /** Tells whether only one column may feed this field; facts named by their header and "Do not import" repeat. */
    public boolean isSingle() {
        return this != FACT && this != IGNORE;
    }

    public static Optional<ImportField> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(field -> field.code.equals(wanted)).findFirst();
    }

    /** Returns the field whose synonyms contain this header, if any. */
    static Optional<ImportField> suggestFor(String header) {
        String normalized = normalizeHeader(header);
        return Arrays.stream(values()).filter(field -> field.synonyms.contains(normalized)).findFirst();
    }

    static String normalizeHeader(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ImportField::code).toList();
    }
}
