package org.onedoor.directory.internal;

/**
 * The fields of a service, as a form or API body sends them.
 *
 * @param programId a program of the same partner
 * @param officeId an office of the same partner, which delivers the service
 * @param active {@code null} counts as false, as an unticked checkbox sends nothing
 * @param responseDays business days the receiving partner has to respond to a referral; {@code null} keeps the
 *                     current value, or {@value #DEFAULT_RESPONSE_DAYS} for a new service
 * @param firstContactDays business days it has to make first contact with the business; {@code null} keeps the
 *                         current value, or {@value #DEFAULT_FIRST_CONTACT_DAYS} for a new service
 */
public record ServiceChanges(String name, Long programId, Long officeId, String categoryCode, String description,
                             String eligibilityDescription, String contactName, String contactEmail,
                             String contactPhone, Boolean active, Integer responseDays, Integer firstContactDays) {

    public static final int DEFAULT_RESPONSE_DAYS = 2;
    public static final int DEFAULT_FIRST_CONTACT_DAYS = 5;
    /** The maximum business days of either time limit. The database checks the same bounds. */
    public static final int MAX_BUSINESS_DAYS = 60;

    public static ServiceChanges empty() {
        return new ServiceChanges("", null, null, "", "", "", "", "", "", true, DEFAULT_RESPONSE_DAYS,
                DEFAULT_FIRST_CONTACT_DAYS);
    }

    public static ServiceChanges of(ServiceDetails service) {
        return new ServiceChanges(service.name(), service.programId(), service.officeId(), service.categoryCode(),
                service.description(), service.eligibilityDescription(), service.contactName(),
                service.contactEmail(), service.contactPhone(), service.active(), service.responseDays(),
                service.firstContactDays());
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }
}
