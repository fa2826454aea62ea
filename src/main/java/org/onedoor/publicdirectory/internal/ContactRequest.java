package org.onedoor.publicdirectory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A stored contact request as the staff inbox shows it.
 *
 * @param businessLegalName the linked business's legal name now; {@code businessName} is the name as entered
 * @param contactId the linked contact, or {@code null} after staff removed it
 * @param linkOutcome {@code EXISTING_CONTACT}, {@code NEW_CONTACT} or {@code NEW_BUSINESS}
 * @param status {@code NEW}, {@code ASSIGNED} or {@code CLOSED}
 */
public record ContactRequest(long id, long areaId, String areaName, long businessId, String businessLegalName,
                             Long contactId, String businessName, String personName, String email, String phone,
                             String preferredMethod, String message, String linkOutcome, String status,
                             Instant createdAt, Instant closedAt, List<String> serviceNames) {

    static ContactRequest of(ResultSet rs, int row) throws SQLException {
        long contactId = rs.getLong("contact_id");
        Long contact = rs.wasNull() ? null : contactId;
        return new ContactRequest(rs.getLong("id"), rs.getLong("area_id"), rs.getString("area_name"),
                rs.getLong("business_id"), rs.getString("business_legal_name"), contact, rs.getString("business_name"),
                rs.getString("person_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("preferred_method"), rs.getString("message"), rs.getString("link_outcome"),
                rs.getString("status"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("closed_at")),
                strings(rs.getArray("service_names")));
    }

    public boolean handled() {
        return "CLOSED".equals(status);
    }

    /** Returns the preferred contact method in words. */
    public String preferredMethodText() {
        return switch (preferredMethod) {
            case "PHONE" -> "Phone call";
            case "TEXT" -> "Text message";
            default -> "Email";
        };
    }

    /** Returns how the request was linked to the shared business profile, in words. */
    public String linkOutcomeText() {
        return switch (linkOutcome) {
            case "EXISTING_CONTACT" -> "Known business and contact";
            case "NEW_CONTACT" -> "Known business, new contact added";
            default -> "New business added from this request";
        };
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
