package org.onedoor.directory.internal;

/**
 * The fields of an office, as a form or API body sends them. All values are text as entered, so the form can
 * show a rejected value back with its message.
 *
 * @param state the USPS state abbreviation
 * @param zip a 5-digit ZIP code or ZIP+4
 * @param countyFips the 5-digit county FIPS code; blank when unknown
 * @param timeZone an IANA time zone name such as America/Indiana/Indianapolis
 */
public record OfficeChanges(String name, String addressLine1, String addressLine2, String city, String state,
                            String zip, String countyFips, String phone, String email, String timeZone,
                            String hours) {

    public static OfficeChanges empty() {
        return new OfficeChanges("", "", "", "", "", "", "", "", "", "", "");
    }

    public static OfficeChanges of(OfficeDetails office) {
        return new OfficeChanges(office.name(), office.addressLine1(), office.addressLine2(), office.city(),
                office.state(), office.zip(), office.countyFips(), office.phone(), office.email(), office.timeZone(),
                office.hours());
    }
}
