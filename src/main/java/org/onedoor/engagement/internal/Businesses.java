package org.onedoor.engagement.internal;

import java.util.Optional;

import org.onedoor.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the few facts about businesses and staff offices that engagement records need. */
@Component
public class Businesses {

    /** Zone used for a partner that has no office yet, so a contact can still be entered and shown. */
    static final String ZONE_WITHOUT_OFFICE = "UTC";

    private final JdbcClient jdbc;

    Businesses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns the legal name of a business that was not merged into another.
     *
     * @throws NotFoundException for an unknown or merged business
     */
    public String legalName(long businessId) {
        return jdbc.sql("SELECT legal_name FROM business WHERE id = :id AND merged_into_id IS NULL")
                .param("id", businessId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    /**
     * Returns the office whose time zone a staff member's contacts use. Staff accounts have no office of their own,
     * so this is the partner's first office by id.
     */
    public Optional<StaffOffice> officeOf(long partnerId) {
        return jdbc.sql("SELECT id, time_zone FROM office WHERE partner_id = :partnerId ORDER BY id LIMIT 1")
                .param("partnerId", partnerId)
                .query((row, n) -> new StaffOffice(row.getLong("id"), row.getString("time_zone")))
                .optional();
    }

    public long areaOf(long partnerId) {
        return jdbc.sql("SELECT area_id FROM partner WHERE id = :id")
                .param("id", partnerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Partner", partnerId));
    }

    /** Returns true when the contact person belongs to the business's profile. */
    public boolean hasContactPerson(long businessId, long contactPersonId) {
        return jdbc.sql("SELECT count(*) FROM business_contact WHERE id = :id AND business_id = :businessId")
                .param("id", contactPersonId)
                .param("businessId", businessId)
                .query(Long.class)
                .single() > 0;
    }

    public record StaffOffice(long id, String timeZone) {
    }
}
