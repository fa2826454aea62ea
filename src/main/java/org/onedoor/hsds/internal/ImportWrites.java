package org.onedoor.hsds.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL that an HSDS import writes into the directory tables. Matching is by name, as staff would match by eye:
 * a partner by name within the area, an office or program by name within the partner, a service by name within
 * the program.
 */
final class ImportWrites {

    record OfficeFields(String name, String addressLine1, String addressLine2, String city, String state, String zip,
                        String phone, String phoneE164, String timeZone, String hours) {
    }

    record ServiceFields(String name, String description, String eligibilityDescription, String categoryCode,
                         boolean active, String contactName, String contactEmail, String contactPhone) {
    }

    /** The id of the record written, and whether it existed before. */
    record Written(long id, boolean existed) {
    }

    private final JdbcClient jdbc;

    ImportWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Written partner(long areaId, String name, String description, String website) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM partner WHERE area_id = :areaId AND fold_text(name) = fold_text(:name)")
                .param("areaId", areaId)
                .param("name", name)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                            UPDATE partner SET description = CASE WHEN :description = '' THEN description ELSE :description END,
                                               website = coalesce(:website, website), updated_at = now()
                            WHERE id = :id""")
                    .param("description", description)
                    .param("website", website)
                    .param("id", existing.get())
                    .update();
            return new Written(existing.get(), true);
        }
        long id = jdbc.sql("""
                        INSERT INTO partner (area_id, code, name, description, website)
                        VALUES (:areaId, :code, :name, :description, :website) RETURNING id""")
                .param("areaId", areaId)
                .param("code", uniquePartnerCode(areaId, name))
                .param("name", name)
                .param("description", description)
                .param("website", website)
                .query(Long.class)
                .single();
        return new Written(id, false);
    }

    Written program(long partnerId, String name, String description) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM program WHERE partner_id = :partnerId AND name = :name")
                .param("partnerId", partnerId)
                .param("name", name)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                            UPDATE program SET description = CASE WHEN :description = '' THEN description ELSE :description END,
                                               updated_at = now()
                            WHERE id = :id""")
                    .param("description", description)
                    .param("id", existing.get())
                    .update();
            return new Written(existing.get(), true);
        }
        long id = jdbc.sql("INSERT INTO program (partner_id, name, description) VALUES (:partnerId, :name, :description) RETURNING id")
                .param("partnerId", partnerId)
                .param("name", name)
                .param("description", description)
                .query(Long.class)
                .single();
        return new Written(id, false);
    }

    Written office(long partnerId, OfficeFields fields) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM office WHERE partner_id = :partnerId AND name = :name")
                .param("partnerId", partnerId)
                .param("name", fields.name())
                .query(Long.class)
                .optional();
        String sql = existing.isPresent()
                ? """
                  UPDATE office SET address_line1 = :line1, address_line2 = :line2, city = :city, state = :state,
                                    zip = :zip, phone = :phone, phone_e164 = :phoneE164, time_zone = :timeZone,
                                    hours = :hours, updated_at = now()
                  WHERE id = :id RETURNING id"""
                : """
                  INSERT INTO office (partner_id, name, address_line1, address_line2, city, state, zip, phone,
                                      phone_e164, time_zone, hours)
                  VALUES (:partnerId, :name, :line1, :line2, :city, :state, :zip, :phone, :phoneE164, :timeZone, :hours)
                  RETURNING id""";
        long id = jdbc.sql(sql)
                .param("id", existing.orElse(null))
                .param("partnerId", partnerId)
                .param("name", fields.name())
                .param("line1", fields.addressLine1())
                .param("line2", fields.addressLine2())
                .param("city", fields.city())
                .param("state", fields.state())
                .param("zip", fields.zip())
                .param("phone", fields.phone())
                .param("phoneE164", fields.phoneE164())
                .param("timeZone", fields.timeZone())
                .param("hours", fields.hours())
                .query(Long.class)
                .single();
        return new Written(id, existing.isPresent());
    }

    Written service(long programId, long officeId, ServiceFields fields) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM service WHERE program_id = :programId AND name = :name")
                .param("programId", programId)
                .param("name", fields.name())
                .query(Long.class)
                .optional();
        String sql = existing.isPresent()
                ? """
                  UPDATE service SET office_id = :officeId, category_code = :category, description = :description,
                                     eligibility_description = :eligibility, active = :active,
                                     contact_name = :contactName, contact_email = :contactEmail,
                                     contact_phone = :contactPhone, updated_at = now()
                  WHERE id = :id RETURNING id"""
                : """
                  INSERT INTO service (program_id, office_id, category_code, name, description, eligibility_description,
                                       active, contact_name, contact_email, contact_phone)
                  VALUES (:programId, :officeId, :category, :name, :description, :eligibility, :active, :contactName,
                          :contactEmail, :contactPhone)
                  RETURNING id""";
        long id = jdbc.sql(sql)
                .param("id", existing.orElse(null))
                .param("programId", programId)
                .param("officeId", officeId)
                .param("category", fields.categoryCode())
                .param("name", fields.name())
                .param("description", fields.description())
                .param("eligibility", fields.eligibilityDescription())
                .param("active", fields.active())
                .param("contactName", fields.contactName())
                .param("contactEmail", fields.contactEmail())
                .param("contactPhone", fields.contactPhone())
                .query(Long.class)
                .single();
        return new Written(id, existing.isPresent());
    }

    /**
     * The result of writing imported capacity figures.
     *
     * @param existed whether the service had figures before
     * @param skipReason why the figures were not written, or {@code null} when they were
     */
    record CapacityWrite(boolean existed, String skipReason) {

        boolean written() {
            return skipReason == null;
        }
    }

    /**
     * Sets a service's capacity. Figures older than the ones OneDoor has are not written, so a package exported
     * earlier never overwrites a newer update. An existing row keeps the units that OneDoor referrals hold or use,
     * so the new figures apply only when they leave room for those.
     */
    CapacityWrite capacity(long serviceId, String unit, int maximum, int available, Instant updated, String updatedBy) {
        Optional<Instant> current = jdbc.sql("SELECT updated_at FROM service_capacity WHERE service_id = :id FOR UPDATE")
                .param("id", serviceId)
                .query(Instant.class)
                .optional();
        if (current.isPresent() && !updated.isAfter(current.get())) {
            return new CapacityWrite(true, "the figures dated " + updated + " are not newer than OneDoor's, dated "
                    + current.get() + ", so OneDoor's were kept");
        }

        int written = jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_at, updated_by)
                        VALUES (:id, :unit, :maximum, :available, :updated, :updatedBy)
                        ON CONFLICT (service_id) DO UPDATE
                        SET unit = excluded.unit, maximum_units = excluded.maximum_units,
                            available_units = excluded.available_units, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by, updated_by_user = NULL
                        WHERE service_capacity.held_units + service_capacity.used_units + excluded.available_units
                              <= excluded.maximum_units""")
                .param("id", serviceId)
                .param("unit", unit)
                .param("maximum", maximum)
                .param("available", available)
                .param("updated", java.sql.Timestamp.from(updated))
                .param("updatedBy", updatedBy)
                .update();
        return written == 0
                ? new CapacityWrite(true, "units held or used by OneDoor referrals do not fit the new maximum " + maximum)
                : new CapacityWrite(current.isPresent(), null);
    }

    void note(long importId, String recordType, long recordId, String source, String field, String value) {
        jdbc.sql("""
                        INSERT INTO hsds_note (record_type, record_id, import_id, source, field, value)
                        VALUES (:recordType, :recordId, :importId, :source, :field, :value)""")
                .param("recordType", recordType)
                .param("recordId", recordId)
                .param("importId", importId)
                .param("source", source)
                .param("field", field)
                .param("value", value)
                .update();
    }

    private String uniquePartnerCode(long areaId, String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "partner";
        }
        String code = base;
        for (int suffix = 2; codeTaken(areaId, code); suffix++) {
            code = base + "-" + suffix;
        }
        return code;
    }

    private boolean codeTaken(long areaId, String code) {
        return jdbc.sql("SELECT count(*) FROM partner WHERE area_id = :areaId AND code = :code")
                .param("areaId", areaId)
                .param("code", code)
                .query(Long.class)
                .single() > 0;
    }
}
