package org.onedoor.hsds.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.hsds.internal.HsdsRows.CapacityRow;
import org.onedoor.hsds.internal.HsdsRows.CategoryRow;
import org.onedoor.hsds.internal.HsdsRows.LocationRow;
import org.onedoor.hsds.internal.HsdsRows.OrganizationRow;
import org.onedoor.hsds.internal.HsdsRows.ProgramRow;
import org.onedoor.hsds.internal.HsdsRows.ServiceRow;

/**
 * Builds HSDS 3.1 objects from directory rows, as ordered maps ready for JSON. Empty values are left out, since
 * HSDS treats a missing property as unknown. The mapping is listed in docs/hsds.md.
 */
public final class HsdsDocuments {

    public static final String TAXONOMY_ID = HsdsIds.of("taxonomy", "employer-service-categories");
    public static final String TAXONOMY_NAME = "OneDoor employer service categories";
    /** The attribute {@code link_type} of a service's employer service category. */
    public static final String CATEGORY_LINK_TYPE = "employer_service_category";
    /** The attribute {@code link_type} of a location's IANA time zone, which HSDS has no field for. */
    public static final String TIME_ZONE_LINK_TYPE = "time_zone";
    public static final String UNIT_SCHEME = "OneDoor";

    private static final Map<String, String> UNIT_NAMES = Map.of(
            "SLOTS", "Slots",
            "COHORT_SEATS", "Seats in a cohort",
            "TRAINING_DOLLARS", "Training dollars",
            "HOURS", "Hours");

    private HsdsDocuments() {
    }

    public static Map<String, Object> organization(OrganizationRow row) {
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "id", HsdsIds.of("organization", row.id()));
        put(document, "name", row.name());
        // HSDS requires a description, so a partner without one gets an empty string.
        document.put("description", row.description() == null ? "" : row.description());
        put(document, "website", websiteUri(row.website()));
        return document;
    }

    public static Map<String, Object> fullOrganization(OrganizationRow row, List<ProgramRow> programs,
                                                       List<LocationRow> locations) {
        Map<String, Object> document = organization(row);
        document.put("programs", programs.stream().map(HsdsDocuments::program).toList());
        document.put("locations", locations.stream().map(HsdsDocuments::location).toList());
        return document;
    }

    public static Map<String, Object> program(ProgramRow row) {
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "id", HsdsIds.of("program", row.id()));
        put(document, "organization_id", HsdsIds.of("organization", row.partnerId()));
        put(document, "name", row.name());
        document.put("description", row.description() == null ? "" : row.description());
        return document;
    }

    public static Map<String, Object> location(LocationRow row) {
        String id = HsdsIds.of("location", row.id());
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "id", id);
        put(document, "location_type", "physical");
        put(document, "organization_id", HsdsIds.of("organization", row.partnerId()));
        put(document, "name", row.name());

        Map<String, Object> address = new LinkedHashMap<>();
        put(address, "id", HsdsIds.of("address", row.id()));
        put(address, "location_id", id);
        put(address, "address_1", row.addressLine1());
        put(address, "address_2", row.addressLine2());
        put(address, "city", row.city());
        put(address, "state_province", row.state());
        put(address, "postal_code", row.zip());
        put(address, "country", "US");
        put(address, "address_type", "physical");
        document.put("addresses", List.of(address));

        if (!isBlank(row.phone())) {
            Map<String, Object> phone = new LinkedHashMap<>();
            put(phone, "id", HsdsIds.of("location_phone", row.id()));
            put(phone, "location_id", id);
            put(phone, "number", row.phone());
            put(phone, "type", "voice");
            document.put("phones", List.of(phone));
        }
        if (!isBlank(row.hours())) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            put(schedule, "id", HsdsIds.of("location_hours", row.id()));
            put(schedule, "location_id", id);
            put(schedule, "description", row.hours());
            document.put("schedules", List.of(schedule));
        }
        Map<String, Object> timeZone = new LinkedHashMap<>();
        put(timeZone, "id", HsdsIds.of("location_time_zone", row.id()));
        put(timeZone, "link_id", id);
        put(timeZone, "link_type", TIME_ZONE_LINK_TYPE);
        put(timeZone, "link_entity", "location");
        put(timeZone, "value", row.timeZone());
        put(timeZone, "label", "IANA time zone of the office");
        document.put("attributes", List.of(timeZone));
        return document;
    }

    /** The one-to-one fields of a service, with its capacity, as the paged list returns it. */
    public static Map<String, Object> service(ServiceRow row, CapacityRow capacity) {
        String id = HsdsIds.of("service", row.id());
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "id", id);
        put(document, "organization_id", HsdsIds.of("organization", row.partnerId()));
        put(document, "program_id", HsdsIds.of("program", row.programId()));
        put(document, "name", row.name());
        put(document, "description", row.description());
        put(document, "status", row.active() ? "active" : "inactive");
        put(document, "eligibility_description", row.eligibilityDescription());
        if (row.lastVerifiedAt() != null) {
            put(document, "assured_date", DateTimeFormatter.ISO_LOCAL_DATE.format(row.lastVerifiedAt().atOffset(ZoneOffset.UTC)));
        }
        put(document, "last_modified", timestamp(row.updatedAt()));
        document.put("capacities", capacity == null ? List.of() : List.of(capacity(capacity)));
        return document;
    }

    /** A fully nested service: organization, program, contact, category, capacity and where it is delivered. */
    public static Map<String, Object> fullService(ServiceRow row, OrganizationRow organization, ProgramRow program,
                                                  LocationRow location, CapacityRow capacity, CategoryRow category) {
        String id = HsdsIds.of("service", row.id());
        Map<String, Object> document = service(row, capacity);
        document.put("contacts", contacts(row, id));
        document.put("attributes", category == null ? List.of() : List.of(categoryAttribute(row, category)));
        document.put("service_at_locations", List.of(serviceAtLocation(row, location)));
        document.put("organization", organization(organization));
        document.put("program", program(program));
        return document;
    }

    public static Map<String, Object> serviceAtLocation(ServiceRow row, LocationRow location) {
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "id", HsdsIds.of("service_at_location", row.id()));
        put(document, "service_id", HsdsIds.of("service", row.id()));
        put(document, "location_id", HsdsIds.of("location", row.officeId()));
        if (location != null) {
            document.put("location", location(location));
        }
        return document;
    }

    public static Map<String, Object> taxonomyTerm(CategoryRow category) {
        Map<String, Object> term = new LinkedHashMap<>();
        put(term, "id", HsdsIds.of("taxonomy_term", category.code()));
        put(term, "code", category.code());
        put(term, "name", category.name());
        put(term, "description", category.definition());
        put(term, "taxonomy", TAXONOMY_NAME);
        put(term, "language", "en");
        put(term, "taxonomy_id", TAXONOMY_ID);
        Map<String, Object> taxonomy = new LinkedHashMap<>();
        put(taxonomy, "id", TAXONOMY_ID);
        put(taxonomy, "name", TAXONOMY_NAME);
        put(taxonomy, "description", "The employer service categories of WIOA performance reporting "
                + "(Effectiveness in Serving Employers).");
        term.put("taxonomy_detail", taxonomy);
        return term;
    }

    private static List<Map<String, Object>> contacts(ServiceRow row, String serviceId) {
        if (isBlank(row.contactName()) && isBlank(row.contactPhone())) {
            return List.of();
        }
        String contactId = HsdsIds.of("service_contact", row.id());
        Map<String, Object> contact = new LinkedHashMap<>();
        put(contact, "id", contactId);
        put(contact, "service_id", serviceId);
        put(contact, "name", row.contactName());
        List<Map<String, Object>> phones = new ArrayList<>();
        if (!isBlank(row.contactPhone())) {
            Map<String, Object> phone = new LinkedHashMap<>();
            put(phone, "id", HsdsIds.of("service_contact_phone", row.id()));
            put(phone, "contact_id", contactId);
            put(phone, "number", row.contactPhone());
            put(phone, "type", "voice");
            phones.add(phone);
        }
        contact.put("phones", phones);
        return List.of(contact);
    }

    private static Map<String, Object> categoryAttribute(ServiceRow row, CategoryRow category) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        put(attribute, "id", HsdsIds.of("service_category", row.id()));
        put(attribute, "link_id", HsdsIds.of("service", row.id()));
        put(attribute, "taxonomy_term_id", HsdsIds.of("taxonomy_term", category.code()));
        put(attribute, "link_type", CATEGORY_LINK_TYPE);
        put(attribute, "link_entity", "service");
        put(attribute, "label", category.name());
        attribute.put("taxonomy_term", taxonomyTerm(category));
        return attribute;
    }

    private static Map<String, Object> capacity(CapacityRow row) {
        Map<String, Object> unit = new LinkedHashMap<>();
        put(unit, "id", HsdsIds.of("unit", row.unit()));
        put(unit, "name", UNIT_NAMES.getOrDefault(row.unit(), row.unit()));
        put(unit, "scheme", UNIT_SCHEME);
        put(unit, "identifier", row.unit());

        Map<String, Object> capacity = new LinkedHashMap<>();
        put(capacity, "id", HsdsIds.of("service_capacity", row.serviceId()));
        put(capacity, "service_id", HsdsIds.of("service", row.serviceId()));
        capacity.put("unit", unit);
        put(capacity, "unit_id", unit.get("id"));
        capacity.put("available", row.availableUnits());
        capacity.put("maximum", row.maximumUnits());
        put(capacity, "updated", timestamp(row.updatedAt()));
        return capacity;
    }

    /** Returns the unit code of a unit name or identifier that OneDoor uses, or {@code null}. */
    public static String unitCode(String identifierOrName) {
        if (identifierOrName == null) {
            return null;
        }
        String wanted = identifierOrName.strip();
        for (Map.Entry<String, String> unit : UNIT_NAMES.entrySet()) {
            if (unit.getKey().equalsIgnoreCase(wanted) || unit.getValue().equalsIgnoreCase(wanted)) {
                return unit.getKey();
            }
        }
        return null;
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    // HSDS declares website as a URI; an address stored without a scheme gets https.
    private static String websiteUri(String website) {
        if (isBlank(website)) {
            return null;
        }
        String trimmed = website.strip();
        return trimmed.matches("(?i)^https?://.*") ? trimmed : "https://" + trimmed;
    }

    private static void put(Map<String, Object> document, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            document.put(key, value);
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
