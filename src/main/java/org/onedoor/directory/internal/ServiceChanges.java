package org.onedoor.directory.internal;

/**
 * The fields of a service, as a form or API body sends them.
 *
 * @param programId a program of the same partner
 * @param officeId an office of the same partner, which delivers the service
 * @param active {@code null} counts as false, as an unticked checkbox sends nothing
 */
public record ServiceChanges(String name, Long programId, Long officeId, String categoryCode, String description,
                             String eligibilityDescription, String contactName, String contactEmail,
                             String contactPhone, Boolean active) {

    public static ServiceChanges empty() {
        return new ServiceChanges("", null, null, "", "", "", "", "", "", true);
    }

    public static ServiceChanges of(ServiceDetails service) {
        return new ServiceChanges(service.name(), service.programId(), service.officeId(), service.categoryCode(),
                service.description(), service.eligibilityDescription(), service.contactName(),
                service.contactEmail(), service.contactPhone(), service.active());
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }
}
