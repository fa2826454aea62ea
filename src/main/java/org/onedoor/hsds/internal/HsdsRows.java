package org.onedoor.hsds.internal;

import java.time.Instant;

/** The directory rows that the HSDS API and export are built from; only fields that are public. */
public final class HsdsRows {

    private HsdsRows() {
    }

    public record OrganizationRow(long id, String name, String description, String website) {
    }

    public record ProgramRow(long id, long partnerId, String name, String description) {
    }

    public record LocationRow(long id, long partnerId, String name, String addressLine1, String addressLine2,
                              String city, String state, String zip, String phone, String timeZone, String hours) {
    }

    public record ServiceRow(long id, long partnerId, long programId, long officeId, String categoryCode, String name,
                             String description, String eligibilityDescription, String contactName,
                             String contactPhone, boolean active, Instant lastVerifiedAt, Instant updatedAt) {
    }

    /** Live capacity; {@code unit} is one of the codes of the {@code service_capacity} table, such as SLOTS. */
    public record CapacityRow(long serviceId, String unit, int maximumUnits, int availableUnits, Instant updatedAt) {
    }

    public record CategoryRow(String code, String name, String definition) {
    }
}
