package org.onedoor.directory.internal;

/** A partner as the partner list shows it, with how many offices, programs and active services it has. */
public record PartnerRow(long id, String code, String name, String description, boolean demo, int officeCount,
                         int programCount, int serviceCount) {
}
