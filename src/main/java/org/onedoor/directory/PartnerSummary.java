package org.onedoor.directory;

/** A partner's identity as other modules show it. */
public record PartnerSummary(long id, long areaId, String code, String name, boolean demo) {
}
