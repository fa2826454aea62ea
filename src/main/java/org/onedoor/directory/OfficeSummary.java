package org.onedoor.directory;

/**
 * A partner's office as other modules show it. {@code timeZone} is an IANA zone name, such as
 * {@code America/Indiana/Indianapolis}, in which the office counts its hours and due dates.
 */
public record OfficeSummary(long id, long partnerId, String partnerName, String name, String city, String state,
                            String zip, String countyFips, String timeZone, boolean demo) {
}
