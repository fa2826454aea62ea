package org.onedoor.hsds.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onedoor.hsds.internal.HsdsRows.CategoryRow;
import org.onedoor.hsds.internal.HsdsTables.Row;
import org.onedoor.hsds.internal.ImportWrites.OfficeFields;
import org.onedoor.hsds.internal.ImportWrites.ServiceFields;
import org.onedoor.hsds.internal.ImportWrites.Written;
import org.onedoor.shared.PhoneNumbers;
import org.onedoor.shared.PhoneNumbers.Check;

/**
 * One import's mapping of HSDS tables onto the directory: organizations become partners, programs programs,
 * locations offices and services services. Each source row gets one report line. A value with no OneDoor field
 * goes to a note on the record it belongs to, and a row that cannot be imported is reported with the reason.
 */
final class ImportRun {

    /** The choices made on the import form. */
    record Settings(long importId, long areaId, String sourceName, String defaultTimeZone, String defaultCategory) {
    }

    private record Target(String type, long id, String name) {
    }

    // Columns that only link rows to each other; they never become notes.
    private static final Set<String> LINK_COLUMNS = Set.of("id", "organization_id", "service_id", "location_id",
            "program_id", "contact_id", "service_at_location_id", "link_id", "link_entity", "taxonomy_term_id",
            "taxonomy_id", "unit_id", "resource_id", "resource_type", "parent_id", "parent_organization_id");

    private static final String DEFAULT_PROGRAM = "Imported services";

    private final ImportWrites writes;
    private final HsdsTables tables;
    private final Settings settings;
    private final List<CategoryRow> categories;

    private final List<ImportReportLine> lines = new ArrayList<>();
    private final Set<Row> handled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Target> partners = new HashMap<>();
    private final Map<String, Target> programs = new HashMap<>();
    private final Map<String, Target> offices = new HashMap<>();
    private final Map<String, Long> officePartners = new HashMap<>();
    private final Map<String, String> officeProblems = new HashMap<>();
    private final Map<String, Target> services = new HashMap<>();
    private final Map<Long, Target> defaultPrograms = new HashMap<>();
    // Services that could not be imported, by source id, with the partner that keeps their values as notes.
    private final Map<String, Target> skippedServices = new HashMap<>();

    ImportRun(ImportWrites writes, HsdsTables tables, Settings settings, List<CategoryRow> categories) {
        this.writes = writes;
        this.tables = tables;
        this.settings = settings;
        this.categories = categories;
    }

    List<ImportReportLine> run() {
        tables.rows("organizations").forEach(this::importOrganization);
        tables.rows("programs").forEach(this::importProgram);
        tables.rows("locations").forEach(this::importLocation);
        tables.rows("services").forEach(this::importService);
        tables.rows("service_capacity").forEach(this::importCapacity);
        for (String table : tables.tableNames()) {
            for (Row row : tables.rows(table)) {
                if (!handled.contains(row)) {
                    noteOrSkip(row, null);
                }
            }
        }
        return lines;
    }

    private void importOrganization(Row row) {
        handled.add(row);
        if (!row.has("name")) {
            skip(row, "organization", "name is missing; OneDoor needs a partner name");
            return;
        }
        Written partner = writes.partner(settings.areaId(), row.get("name"), row.get("description"), website(row.get("website")));
        Target target = new Target("partner", partner.id(), row.get("name"));
        partners.put(row.get("id"), target);
        Set<String> mapped = new java.util.HashSet<>(Set.of("name", "description"));
        if (website(row.get("website")) != null) {
            mapped.add("website");
        }
        report(row, target, partner.existed() ? "UPDATED" : "CREATED", partner.existed() ? "matched the partner by name" : "",
                notes(row, target, mapped));
    }

    private void importProgram(Row row) {
        handled.add(row);
        Target partner = lookup(partners, row.get("organization_id"));
        if (partner == null) {
            skip(row, "program", missingLink(row, "organization_id", "organization"));
            return;
        }
        if (!row.has("name")) {
            skip(row, "program", "name is missing; OneDoor needs a program name");
            return;
        }
        Written program = writes.program(partner.id(), row.get("name"), row.get("description"));
        Target target = new Target("program", program.id(), row.get("name"));
        programs.put(row.get("id"), target);
        report(row, target, program.existed() ? "UPDATED" : "CREATED", "", notes(row, target, Set.of("name", "description")));
    }

    private void importLocation(Row row) {
        handled.add(row);
        Target partner = partnerOfLocation(row);
        if (partner == null) {
            skip(row, "office", missingLink(row, "organization_id", "organization")
                    + ", and no service of an imported organization is delivered there");
            return;
        }
        if (row.get("location_type").equalsIgnoreCase("virtual")) {
            skipToNotes(row, partner, "a virtual location has no street address, and OneDoor offices need one");
            return;
        }
        String name = row.has("name") ? row.get("name") : row.get("alternate_name");
        if (name.isEmpty()) {
            skipToNotes(row, partner, "name is missing; OneDoor needs an office name");
            return;
        }
        List<Row> addresses = new ArrayList<>(tables.rowsWhere("addresses", "location_id", row.get("id")));
        addresses.sort((a, b) -> Boolean.compare(!isPhysical(a), !isPhysical(b)));
        if (addresses.isEmpty()) {
            skipToNotes(row, partner, "no row of addresses.csv has location_id '" + row.get("id") + "'; OneDoor offices need a street address");
            return;
        }
        Row address = addresses.get(0);
        String problem = addressProblem(address);
        if (problem != null) {
            skipToNotes(row, partner, problem);
            return;
        }

        Row phone = locationPhones(row.get("id")).stream().findFirst().orElse(null);
        String phoneText = phone == null ? null : phoneText(phone);
        String phoneE164 = phoneText == null ? null
                : PhoneNumbers.parse(phoneText, "US", Check.POSSIBLE).map(PhoneNumbers.ParsedPhone::e164WithExtension).orElse(null);
        if (phoneText != null && phoneE164 == null) {
            phone = null;
            phoneText = null;
        }
        Row timeZoneAttribute = tables.rowsWhere("attributes", "link_id", row.get("id")).stream()
                .filter(attribute -> attribute.get("link_type").equalsIgnoreCase(HsdsDocuments.TIME_ZONE_LINK_TYPE))
                .filter(attribute -> validZone(attribute.get("value")))
                .findFirst()
                .orElse(null);
        String timeZone = timeZoneAttribute == null ? settings.defaultTimeZone() : timeZoneAttribute.get("value");
        List<Row> schedules = locationSchedules(row.get("id"));
        String hours = schedules.stream().map(ImportRun::hoursText).filter(text -> !text.isEmpty()).collect(Collectors.joining("; "));

        Written office = writes.office(partner.id(), new OfficeFields(name, address.get("address_1"), blankToNull(address.get("address_2")),
                address.get("city"), address.get("state_province").toUpperCase(Locale.ROOT), address.get("postal_code"),
                phoneText, phoneE164, timeZone, hours));
        Target target = new Target("office", office.id(), name);
        offices.put(row.get("id"), target);
        officePartners.put(row.get("id"), partner.id());
        String reason = timeZoneAttribute == null ? "time zone " + timeZone + " from the import form" : "time zone from the data";
        report(row, target, office.existed() ? "UPDATED" : "CREATED", reason,
                notes(row, target, Set.of(row.has("name") ? "name" : "alternate_name", "location_type")));

        merge(address, target, "street address of the office", Set.of("address_1", "address_2", "city", "state_province", "postal_code", "country", "address_type"));
        if (phone != null) {
            merge(phone, target, "phone of the office", Set.of("number", "extension", "type", "number_type"));
        }
        if (timeZoneAttribute != null) {
            merge(timeZoneAttribute, target, "time zone of the office", Set.of("link_type", "value", "label"));
        }
        for (Row schedule : schedules) {
            merge(schedule, target, "hours of the office", Set.of("description", "weekday", "byday", "opens_at", "closes_at"));
        }
    }

    private void importService(Row row) {
        handled.add(row);
        Target program = lookup(programs, row.get("program_id"));
        Target partner = lookup(partners, row.get("organization_id"));
        List<String> locationIds = serviceLocationIds(row);
        if (partner == null && program != null) {
            partner = partnerOfProgram(row.get("program_id"));
        }
        if (partner == null) {
            partner = locationIds.stream()
                    .map(this::partnerOfLocationId)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        if (partner == null) {
            skip(row, "service", missingLink(row, "organization_id", "organization"));
            return;
        }
        String name = row.get("name");
        String description = row.has("description") ? row.get("description") : row.get("short_desc");
        if (name.isEmpty() || description.isEmpty()) {
            skipToNotes(row, partner, (name.isEmpty() ? "name" : "description") + " is missing; OneDoor services need one");
            return;
        }
        final Target owner = partner;
        Target office = locationIds.stream()
                .map(offices::get)
                .filter(java.util.Objects::nonNull)
                .sorted((a, b) -> Boolean.compare(!ownedBy(a, owner), !ownedBy(b, owner)))
                .findFirst()
                .orElse(null);
        if (office == null) {
            String why = locationIds.isEmpty() ? "no service_at_location row links it to a location"
                    : "its location was not imported as an office: " + locationIds.stream()
                            .map(id -> officeProblems.getOrDefault(id, "location '" + id + "' is not in the import"))
                            .collect(Collectors.joining("; "));
            skipToNotes(row, partner, "OneDoor services are delivered from an office, and " + why);
            return;
        }
        if (program == null || !partnerOfProgramMatches(row.get("program_id"), partner)) {
            program = defaultProgram(partner);
        }

        Row categoryAttribute = null;
        String category = null;
        for (Row attribute : tables.rowsWhere("attributes", "link_id", row.get("id"))) {
            Optional<String> code = tables.find("taxonomy_terms", attribute.get("taxonomy_term_id")).flatMap(this::categoryOf);
            if (code.isPresent()) {
                categoryAttribute = attribute;
                category = code.get();
                break;
            }
        }
        String categoryReason = category == null ? "category " + settings.defaultCategory() + " from the import form"
                : "category from taxonomy term " + category;
        if (category == null) {
            category = settings.defaultCategory();
        }

        Row contact = tables.rowsWhere("contacts", "service_id", row.get("id")).stream()
                .filter(candidate -> candidate.has("name"))
                .findFirst()
                .orElse(null);
        Row phone = contact == null ? null : tables.rowsWhere("phones", "contact_id", contact.get("id")).stream().findFirst().orElse(null);
        if (phone == null) {
            phone = tables.rowsWhere("phones", "service_id", row.get("id")).stream()
                    .filter(candidate -> !handled.contains(candidate))
                    .findFirst()
                    .orElse(null);
        }
        String status = row.get("status").toLowerCase(Locale.ROOT);
        boolean active = status.isEmpty() || status.equals("active");
        String eligibility = row.has("eligibility_description") ? row.get("eligibility_description") : row.get("eligibility");

        Written service = writes.service(program.id(), office.id(), new ServiceFields(name, description, eligibility, category,
                active, contact == null ? null : contact.get("name"), contact == null ? null : blankToNull(contact.get("email")),
                phone == null ? null : phoneText(phone)));
        Target target = new Target("service", service.id(), name);
        services.put(row.get("id"), target);
        Set<String> mapped = new java.util.HashSet<>(Set.of("name", "eligibility_description", "eligibility"));
        mapped.add(row.has("description") ? "description" : "short_desc");
        if (status.isEmpty() || status.equals("active") || status.equals("inactive")) {
            mapped.add("status");
        }
        report(row, target, service.existed() ? "UPDATED" : "CREATED", categoryReason + "; office " + office.name(),
                notes(row, target, mapped));

        if (categoryAttribute != null) {
            merge(categoryAttribute, target, "category of the service", Set.of("link_type", "label", "value"));
            tables.find("taxonomy_terms", categoryAttribute.get("taxonomy_term_id"))
                    .ifPresent(term -> {
                        mergeShared(term, target, "category of the service");
                        tables.find("taxonomies", term.get("taxonomy_id"))
                                .ifPresent(taxonomy -> mergeShared(taxonomy, target, "taxonomy of the service's category"));
                    });
        }
        if (contact != null) {
            merge(contact, target, "contact of the service", Set.of("name", "email"));
        }
        if (phone != null) {
            merge(phone, target, "contact phone of the service", Set.of("number", "extension", "type", "number_type"));
        }
        for (Row link : tables.rowsWhere("service_at_location", "service_id", row.get("id"))) {
            merge(link, target, "office of the service", Set.of());
        }
    }

    private void importCapacity(Row row) {
        handled.add(row);
        Target service = lookup(services, row.get("service_id"));
        if (service == null) {
            noteOrSkip(row, "capacity not set: " + missingLink(row, "service_id", "service"));
            return;
        }

        Row unit = tables.find("units", row.get("unit_id")).orElse(null);
        String unitCode = unit == null ? null
                : Optional.ofNullable(HsdsDocuments.unitCode(unit.get("identifier"))).orElse(HsdsDocuments.unitCode(unit.get("name")));
        Integer available = wholeNumber(row.get("available"));
        Integer maximum = wholeNumber(row.get("maximum"));
        String problem = null;
        if (unitCode == null) {
            problem = "unit " + (unit == null ? "'" + row.get("unit_id") + "' is not in units.csv"
                    : "'" + unit.get("name") + "' is not one of OneDoor's units (Slots, Seats in a cohort, Training dollars, Hours)");
        } else if (available == null || maximum == null) {
            problem = "available '" + row.get("available") + "' and maximum '" + row.get("maximum") + "' must both be whole numbers of 0 or more";
        } else if (available > maximum) {
            problem = "available " + available + " is above maximum " + maximum;
        }

        Instant updated = instant(row.get("updated"));
        if (problem == null) {
            ImportWrites.CapacityWrite written = writes.capacity(service.id(), unitCode, maximum, available,
                    updated == null ? Instant.now() : updated, "HSDS import: " + settings.sourceName());
            if (written.written()) {
                report(row, new Target("capacity", service.id(), service.name()), written.existed() ? "UPDATED" : "CREATED",
                        "capacity of the service", notes(row, service, Set.of("available", "maximum", "updated")));
                if (unit != null) {
                    mergeShared(unit, service, "unit of the capacity");
                }
                return;
            }
            problem = written.skipReason();
        }
        noteOrSkip(row, "capacity not set: " + problem);
    }

    /** Keeps a row with no OneDoor record of its own as notes on the record it links to, or reports it skipped. */
    private void noteOrSkip(Row row, String reason) {
        handled.add(row);
        Target owner = ownerOf(row);
        String table = row.table();
        if (owner == null) {
            String why = switch (table) {
                case "taxonomies" -> "a taxonomy none of whose terms names a OneDoor employer service category";
                case "taxonomy_terms", "taxonomy" ->
                        "a taxonomy term that names no OneDoor employer service category; the records that use it keep its name or id in notes";
                case "units" -> "a unit that no imported capacity uses";
                default -> "it links to no imported organization, program, location or service";
            };
            skip(row, table, reason == null ? why : reason + "; " + why);
            return;
        }
        List<String> fields = notes(row, owner, Set.of());
        String kept = "no place in OneDoor; kept as notes on " + owner.type() + " '" + owner.name() + "'";
        report(row, owner, "NOTED", reason == null ? kept : reason + "; " + kept, fields);
    }

    private Target ownerOf(Row row) {
        List<Map<String, Target>> recordsByKind = List.of(services, skippedServices, offices, programs, partners);
        List<String> columnsByKind = List.of("service_id", "service_id", "location_id", "program_id", "organization_id");
        for (int kind = 0; kind < recordsByKind.size(); kind++) {
            for (String column : List.of(columnsByKind.get(kind), "resource_id", "link_id")) {
                Target owner = lookup(recordsByKind.get(kind), row.get(column));
                if (owner != null) {
                    return owner;
                }
            }
            if (kind == 1) {
                Target viaLink = tables.find("service_at_location", row.get("service_at_location_id"))
                        .map(link -> Optional.ofNullable(lookup(services, link.get("service_id")))
                                .orElse(lookup(skippedServices, link.get("service_id"))))
                        .orElse(null);
                if (viaLink != null) {
                    return viaLink;
                }
                Target viaContact = tables.find("contacts", row.get("contact_id")).map(this::ownerOf).orElse(null);
                if (viaContact != null) {
                    return viaContact;
                }
            }
        }
        // A row of a location that was skipped still belongs to that location's partner.
        return tables.find("locations", row.get("location_id")).map(this::partnerOfLocation).orElse(null);
    }

    private static Target lookup(Map<String, Target> records, String sourceId) {
        return sourceId == null || sourceId.isBlank() ? null : records.get(sourceId);
    }

    private void skip(Row row, String recordType, String reason) {
        if (row.table().equals("locations")) {
            officeProblems.put(row.get("id"), reason);
        }
        lines.add(new ImportReportLine(row.file(), row.position(), row.get("id"), recordType, "SKIPPED", null,
                displayName(row), reason, ""));
    }

    /** Reports a row skipped, and writes its non-blank values as notes on the partner. */
    private void skipToNotes(Row row, Target partner, String reason) {
        List<String> fields = notes(row, partner, Set.of());
        String type = row.table().equals("locations") ? "office" : row.table().equals("services") ? "service" : row.table();
        lines.add(new ImportReportLine(row.file(), row.position(), row.get("id"), type, "SKIPPED", partner.id(),
                displayName(row), reason + "; its values are kept as notes on partner '" + partner.name() + "'",
                String.join(", ", fields)));
        if (row.table().equals("locations")) {
            officeProblems.put(row.get("id"), reason);
        }
        if (row.table().equals("services")) {
            skippedServices.put(row.get("id"), partner);
        }
    }

    private void report(Row row, Target target, String outcome, String reason, List<String> noteFields) {
        lines.add(new ImportReportLine(row.file(), row.position(), row.get("id"), target.type(), outcome, target.id(),
                target.name(), reason, String.join(", ", noteFields)));
    }

    private void merge(Row row, Target target, String reason, Set<String> mapped) {
        if (handled.add(row)) {
            report(row, target, "MERGED", reason, notes(row, target, mapped));
        }
    }

    /** Reports a row that several records may use, such as a taxonomy term, the first time only. */
    private void mergeShared(Row row, Target target, String reason) {
        if (handled.add(row)) {
            report(row, target, "MERGED", reason, List.of());
        }
    }

    /** Writes every non-blank value outside {@code mapped} and the link columns as a note; returns the columns. */
    private List<String> notes(Row row, Target target, Set<String> mapped) {
        List<String> fields = new ArrayList<>();
        String recordType = target.type().equals("capacity") ? "service" : target.type();
        for (Map.Entry<String, String> value : row.values().entrySet()) {
            String column = value.getKey();
            if (mapped.contains(column) || LINK_COLUMNS.contains(column) || value.getValue() == null || value.getValue().isBlank()) {
                continue;
            }
            writes.note(settings.importId(), recordType, target.id(), row.source(), row.table() + "." + column, value.getValue().strip());
            fields.add(column);
        }
        if (row.table().equals("attributes") && !mapped.contains("taxonomy_term_id")) {
            tables.find("taxonomy_terms", row.get("taxonomy_term_id")).ifPresent(term -> {
                String named = (term.get("name") + (term.has("code") ? " (" + term.get("code") + ")" : "")).strip();
                writes.note(settings.importId(), recordType, target.id(), row.source(), "taxonomy_terms.name", named);
                fields.add("taxonomy_term_id");
            });
        }
        return fields;
    }

    private Target partnerOfLocation(Row location) {
        Target partner = lookup(partners, location.get("organization_id"));
        if (partner != null) {
            return partner;
        }
        List<Row> servicesThere = new ArrayList<>();
        tables.rowsWhere("service_at_location", "location_id", location.get("id"))
                .forEach(link -> tables.find("services", link.get("service_id")).ifPresent(servicesThere::add));
        servicesThere.addAll(tables.rowsWhere("services", "location_id", location.get("id")));
        return servicesThere.stream()
                .map(service -> lookup(partners, service.get("organization_id")))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private Target partnerOfLocationId(String locationId) {
        return tables.find("locations", locationId).map(this::partnerOfLocation).orElse(null);
    }

    private Target partnerOfProgram(String programId) {
        return tables.find("programs", programId).map(program -> lookup(partners, program.get("organization_id"))).orElse(null);
    }

    private boolean partnerOfProgramMatches(String programId, Target partner) {
        Target programPartner = partnerOfProgram(programId);
        return programPartner != null && programPartner.id() == partner.id();
    }

    private boolean ownedBy(Target office, Target partner) {
        return offices.entrySet().stream()
                .anyMatch(entry -> entry.getValue() == office && Long.valueOf(partner.id()).equals(officePartners.get(entry.getKey())));
    }

    private Target defaultProgram(Target partner) {
        return defaultPrograms.computeIfAbsent(partner.id(), id -> {
            Written program = writes.program(id, DEFAULT_PROGRAM, "Services imported without a program of their own.");
            Target target = new Target("program", program.id(), DEFAULT_PROGRAM);
            lines.add(new ImportReportLine("(import)", "", "", "program", program.existed() ? "UPDATED" : "CREATED",
                    program.id(), DEFAULT_PROGRAM, "program for the services of '" + partner.name() + "' that name none", ""));
            return target;
        });
    }

    private List<String> serviceLocationIds(Row service) {
        List<String> ids = new ArrayList<>();
        tables.rowsWhere("service_at_location", "service_id", service.get("id")).forEach(link -> ids.add(link.get("location_id")));
        if (service.has("location_id")) {
            ids.add(service.get("location_id"));
        }
        return ids;
    }

    // Phones of the location itself, not of a service or contact there; voice numbers first.
    private List<Row> locationPhones(String locationId) {
        return tables.rowsWhere("phones", "location_id", locationId).stream()
                .filter(phone -> !phone.has("service_id") && !phone.has("contact_id") && phone.has("number"))
                .filter(phone -> {
                    String type = phone.has("type") ? phone.get("type") : phone.get("number_type");
                    return type.isEmpty() || type.equalsIgnoreCase("voice");
                })
                .toList();
    }

    private List<Row> locationSchedules(String locationId) {
        List<Row> schedules = new ArrayList<>();
        for (String table : List.of("schedules", "regular_schedules")) {
            tables.rowsWhere(table, "location_id", locationId).stream()
                    .filter(schedule -> !schedule.has("service_id"))
                    .forEach(schedules::add);
        }
        return schedules;
    }

    private static String hoursText(Row schedule) {
        if (schedule.has("description")) {
            return schedule.get("description");
        }
        String days = schedule.has("weekday") ? schedule.get("weekday") : schedule.get("byday");
        String times = schedule.has("opens_at") || schedule.has("closes_at") ? schedule.get("opens_at") + "-" + schedule.get("closes_at") : "";
        return (days + " " + times).strip();
    }

    private static String phoneText(Row phone) {
        String number = phone.get("number").replace("\"", "").strip();
        return phone.has("extension") ? number + " ext. " + phone.get("extension") : number;
    }

    private Optional<String> categoryOf(Row term) {
        return categories.stream()
                .filter(category -> category.code().equalsIgnoreCase(term.get("code")) || category.name().equalsIgnoreCase(term.get("name")))
                .map(CategoryRow::code)
                .findFirst();
    }

    private static boolean isPhysical(Row address) {
        String type = address.get("address_type");
        return type.isEmpty() || type.equalsIgnoreCase("physical");
    }

    /** Returns why the address cannot be an office's, naming the file, row and field, or {@code null}. */
    private static String addressProblem(Row address) {
        String where = address.source() + ": ";
        String country = address.get("country");
        if (!country.isEmpty() && !country.equalsIgnoreCase("US") && !country.equalsIgnoreCase("USA")) {
            return where + "country '" + country + "' is not US; OneDoor offices are in the United States";
        }
        if (!address.has("address_1")) {
            return where + "address_1 is missing";
        }
        if (!address.has("city")) {
            return where + "city is missing";
        }
        if (!address.get("state_province").matches("[A-Za-z]{2}")) {
            return where + "state_province '" + address.get("state_province") + "' is not a two-letter US state code";
        }
        if (!address.get("postal_code").matches("[0-9]{5}(-[0-9]{4})?")) {
            return where + "postal_code '" + address.get("postal_code") + "' is not a US ZIP code (12345 or 12345-6789)";
        }
        return null;
    }

    private static String missingLink(Row row, String column, String table) {
        return row.has(column) ? column + " '" + row.get(column) + "' names no " + table + " imported in this file set"
                : column + " is missing";
    }

    private static String displayName(Row row) {
        return row.has("name") ? row.get("name") : "";
    }

    private static String website(String value) {
        return value.matches("(?i)^https?://\\S+$") ? value : null;
    }

    private static boolean validZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static Integer wholeNumber(String value) {
        try {
            int number = (int) Double.parseDouble(value);
            return number >= 0 && number == Double.parseDouble(value) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        try {
            return value.isEmpty() ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Map<String, Long> countByOutcome(List<ImportReportLine> lines) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String outcome : List.of("CREATED", "UPDATED", "MERGED", "NOTED", "SKIPPED")) {
            counts.put(outcome, lines.stream().filter(line -> line.outcome().equals(outcome)).count());
        }
        return counts;
    }
}
