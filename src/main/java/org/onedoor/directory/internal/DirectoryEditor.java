package org.onedoor.directory.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onedoor.identity.CurrentUser;
import org.onedoor.reference.County;
import org.onedoor.reference.ReferenceData;
import org.onedoor.reference.State;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a partner's directory entries: its details, offices, programs and services, and the verification of a
 * service. Partner administrators change their own partner's entries and administrators any partner's; anyone
 * else gets {@link AccessDeniedException}. Invalid input raises {@link InvalidInputException} with one message per
 * field, and unknown ids raise {@link NotFoundException}.
 */
@Service
@Transactional
public class DirectoryEditor {

    static final int MAX_REVIEW_PERIOD_DAYS = 3650;

    private static final Logger log = LoggerFactory.getLogger(DirectoryEditor.class);

    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTY_FIPS = Pattern.compile("[0-9]{5}");

    private final JdbcClient jdbc;
    private final DirectoryCatalog catalog;
    private final ReferenceData referenceData;

    DirectoryEditor(JdbcClient jdbc, DirectoryCatalog catalog, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.referenceData = referenceData;
    }

    public void updatePartner(CurrentUser user, long partnerId, PartnerChanges changes) {
        PartnerDetails partner = catalog.findPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        requireCanAdminister(user, partner.id());

        FieldChecks checks = new FieldChecks();
        String name = checks.required("name", changes.name(), "Name is missing. Enter the partner's public name.");
        String website = checkWebsite(checks, changes.website());
        Integer reviewPeriod = checkReviewPeriod(checks, changes.reviewPeriodDays());
        checks.throwIfAny();

        try {
            jdbc.sql("""
                            UPDATE partner
                            SET name = :name, description = :description, website = :website,
                                review_period_days = :reviewPeriod, updated_at = now()
                            WHERE id = :id""")
                    .param("name", name)
                    .param("description", changes.description() == null ? "" : changes.description().strip())
                    .param("website", website)
                    .param("reviewPeriod", reviewPeriod)
                    .param("id", partnerId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateName("A partner named '" + name + "' already exists in this area. Choose another name.", e);
        }

        log.info("User {} updated partner {}", user.id(), partnerId);
    }

    /** Opens an office for the partner and returns its id. */
    public long openOffice(CurrentUser user, long partnerId, OfficeChanges changes) {
        PartnerDetails partner = catalog.findPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        requireCanAdminister(user, partner.id());
        ValidOffice office = checkOffice(changes);

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO office (partner_id, name, address_line1, address_line2, city, state, zip,
                                                county_fips, phone, phone_e164, email, time_zone, hours, demo)
                            VALUES (:partnerId, :name, :addressLine1, :addressLine2, :city, :state, :zip,
                                    :countyFips, :phone, :phoneE164, :email, :timeZone, :hours, false)
                            RETURNING id""")
                    .params(office.toParameters())
                    .param("partnerId", partnerId)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw duplicateOfficeName(office.name(), e);
        }

        log.info("User {} opened office {} for partner {}", user.id(), id, partnerId);
        return id;
    }

    public void updateOffice(CurrentUser user, long officeId, OfficeChanges changes) {
        OfficeDetails existing = catalog.findOffice(officeId).orElseThrow(() -> NotFoundException.of("Office", officeId));
        requireCanAdminister(user, existing.partnerId());
        ValidOffice office = checkOffice(changes);

        try {
            jdbc.sql("""
                            UPDATE office
                            SET name = :name, address_line1 = :addressLine1, address_line2 = :addressLine2,
                                city = :city, state = :state, zip = :zip, county_fips = :countyFips, phone = :phone,
                                phone_e164 = :phoneE164, email = :email, time_zone = :timeZone, hours = :hours,
                                updated_at = now()
                            WHERE id = :id""")
                    .params(office.toParameters())
                    .param("id", officeId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateOfficeName(office.name(), e);
        }

        log.info("User {} updated office {} of partner {}", user.id(), officeId, existing.partnerId());
    }

    /** Adds a program to the partner and returns its id. */
    public long addProgram(CurrentUser user, long partnerId, ProgramChanges changes) {
        PartnerDetails partner = catalog.findPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        requireCanAdminister(user, partner.id());
        ProgramValues program = checkProgram(changes);

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO program (partner_id, federal_program_code, name, description)
                            VALUES (:partnerId, :code, :name, :description)
                            RETURNING id""")
                    .param("partnerId", partnerId)
                    .param("code", program.federalProgramCode())
                    .param("name", program.name())
                    .param("description", program.description())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw duplicateProgramName(program.name(), e);
        }

        log.info("User {} added program {} to partner {}", user.id(), id, partnerId);
        return id;
    }

    public void updateProgram(CurrentUser user, long programId, ProgramChanges changes) {
        ProgramDetails existing = catalog.findProgram(programId).orElseThrow(() -> NotFoundException.of("Program", programId));
        requireCanAdminister(user, existing.partnerId());
        ProgramValues program = checkProgram(changes);

        try {
            jdbc.sql("""
                            UPDATE program
                            SET federal_program_code = :code, name = :name, description = :description,
                                updated_at = now()
                            WHERE id = :id""")
                    .param("code", program.federalProgramCode())
                    .param("name", program.name())
                    .param("description", program.description())
                    .param("id", programId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateProgramName(program.name(), e);
        }

        log.info("User {} updated program {} of partner {}", user.id(), programId, existing.partnerId());
    }

    /** Adds a service to one of the partner's programs and returns its id. The new service is not verified yet. */
    public long addService(CurrentUser user, long partnerId, ServiceChanges changes) {
        PartnerDetails partner = catalog.findPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        requireCanAdminister(user, partner.id());
        ServiceValues service = checkService(partnerId, changes, ServiceChanges.DEFAULT_RESPONSE_DAYS,
                ServiceChanges.DEFAULT_FIRST_CONTACT_DAYS);

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO service (program_id, office_id, category_code, name, description,
                                                 eligibility_description, contact_name, contact_email,
                                                 contact_phone, active, response_days, first_contact_days)
                            VALUES (:programId, :officeId, :categoryCode, :name, :description,
                                    :eligibilityDescription, :contactName, :contactEmail, :contactPhone, :active,
                                    :responseDays, :firstContactDays)
                            RETURNING id""")
                    .params(service.toParameters())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw duplicateServiceName(service.name(), e);
        }

        log.info("User {} added service {} to partner {}", user.id(), id, partnerId);
        return id;
    }

    public void updateService(CurrentUser user, long serviceId, ServiceChanges changes) {
        ServiceDetails existing = catalog.findService(serviceId).orElseThrow(() -> NotFoundException.of("Service", serviceId));
        requireCanAdminister(user, existing.partnerId());
        ServiceValues service = checkService(existing.partnerId(), changes, existing.responseDays(),
                existing.firstContactDays());

        try {
            jdbc.sql("""
                            UPDATE service
                            SET program_id = :programId, office_id = :officeId, category_code = :categoryCode,
                                name = :name, description = :description,
                                eligibility_description = :eligibilityDescription, contact_name = :contactName,
                                contact_email = :contactEmail, contact_phone = :contactPhone, active = :active,
                                response_days = :responseDays, first_contact_days = :firstContactDays,
                                updated_at = now()
                            WHERE id = :id""")
                    .params(service.toParameters())
                    .param("id", serviceId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateServiceName(service.name(), e);
        }

        log.info("User {} updated service {} of partner {}", user.id(), serviceId, existing.partnerId());
    }

    /**
     * Sets the business days the receiving partner has to respond to a referral and to make first contact. Both
     * are required here, unlike on the service form.
     */
    public void updateTimeLimits(CurrentUser user, long serviceId, Integer responseDays, Integer firstContactDays) {
        ServiceDetails existing = catalog.findService(serviceId).orElseThrow(() -> NotFoundException.of("Service", serviceId));
        requireCanAdminister(user, existing.partnerId());
        FieldChecks checks = new FieldChecks();
        if (responseDays == null) {
            checks.reject("responseDays", "Days to respond is missing. Enter a whole number of business days from 1 to "
                    + ServiceChanges.MAX_BUSINESS_DAYS + ".");
        }
        if (firstContactDays == null) {
            checks.reject("firstContactDays", "Days to first contact is missing. Enter a whole number of business days "
                    + "from 1 to " + ServiceChanges.MAX_BUSINESS_DAYS + ".");
        }
        int response = businessDays(checks, "responseDays", "Days to respond", responseDays, 0);
        int firstContact = businessDays(checks, "firstContactDays", "Days to first contact", firstContactDays, 0);
        checks.throwIfAny();

        jdbc.sql("""
                        UPDATE service SET response_days = :responseDays, first_contact_days = :firstContactDays,
                                           updated_at = now()
                        WHERE id = :id""")
                .param("responseDays", response)
                .param("firstContactDays", firstContact)
                .param("id", serviceId)
                .update();
        log.info("User {} set the time limits of service {} to {} and {} business days", user.id(), serviceId,
                response, firstContact);
    }

    /**
     * Records that the user confirmed the service's entry is current, and returns when. Staff and partner
     * administrators of the owning partner may do this, and administrators for any partner.
     */
    public Instant markServiceVerified(CurrentUser user, long serviceId) {
        ServiceDetails existing = catalog.findService(serviceId).orElseThrow(() -> NotFoundException.of("Service", serviceId));
        if (user == null || !user.canVerifyServicesOf(existing.partnerId())) {
            log.info("Rejected the verification of service {} by user {}", serviceId, user == null ? null : user.id());
            throw new AccessDeniedException("Only staff of partner " + existing.partnerId()
                    + " and administrators may verify its services.");
        }

        Instant verifiedAt = jdbc.sql("""
                        UPDATE service
                        SET last_verified_at = now(), last_verified_by = :by, updated_at = now()
                        WHERE id = :id
                        RETURNING last_verified_at""")
                .param("by", user.displayName())
                .param("id", serviceId)
                .query(Instant.class)
                .single();

        log.info("User {} verified service {} of partner {}", user.id(), serviceId, existing.partnerId());
        return verifiedAt;
    }

    private static void requireCanAdminister(CurrentUser user, long partnerId) {
        if (user == null || !user.canAdministerPartner(partnerId)) {
            log.info("Rejected a directory change to partner {} by user {}", partnerId, user == null ? null : user.id());
            throw new AccessDeniedException("Only administrators of partner " + partnerId + " may change its entries.");
        }
    }

    private ValidOffice checkOffice(OfficeChanges changes) {
        FieldChecks checks = new FieldChecks();
        String name = checks.required("name", changes.name(),
                "Name is missing. Enter the office's name, such as the city it is in.");
        String addressLine1 = checks.required("addressLine1", changes.addressLine1(),
                "Street address is missing. Enter the street number and name.");
        String city = checks.required("city", changes.city(), "City is missing. Enter the office's city.");
        Optional<State> state = checkState(checks, changes.state());
        String zip = checkZip(checks, changes.zip());
        String countyFips = checkCounty(checks, changes.countyFips(), state);
        String phone = FieldChecks.optional(changes.phone());
        String phoneE164 = checkPhone(checks, "phone", phone);
        String email = checkEmail(checks, "email", changes.email());
        String timeZone = checkTimeZone(checks, changes.timeZone());
        checks.throwIfAny();

        return new ValidOffice(name, addressLine1, FieldChecks.optional(changes.addressLine2()), city,
                state.map(State::abbreviation).orElseThrow(), zip, countyFips, phone, phoneE164, email, timeZone,
                changes.hours() == null ? "" : changes.hours().strip());
    }

    private Optional<State> checkState(FieldChecks checks, String value) {
        String state = checks.required("state", value, "State is missing. Enter a two-letter USPS abbreviation, such as IN.");
        if (state == null) {
            return Optional.empty();
        }
        Optional<State> found = state.matches("[A-Za-z]{2}") ? referenceData.findStateByAbbreviation(state) : Optional.empty();
        if (found.isEmpty()) {
            checks.reject("state", "State '" + state + "' is invalid. Enter the two-letter USPS abbreviation of a "
                    + "state or DC, such as IN.");
        }
        return found;
    }

    /** Returns the ZIP code if it has 5 digits or is a ZIP+4 with a hyphen (USPS Publication 28). */
    static String checkZip(FieldChecks checks, String value) {
        String zip = checks.required("zip", value, "ZIP code is missing. Enter a 5-digit ZIP code or ZIP+4.");
        if (zip == null || ZIP.matcher(zip).matches()) {
            return zip;
        }
        if (zip.matches("[0-9]{9}")) {
            checks.reject("zip", "ZIP code '" + zip + "' is invalid: ZIP+4 needs a hyphen. Enter it as "
                    + zip.substring(0, 5) + "-" + zip.substring(5) + ".");
        } else if (zip.matches("[0-9]+")) {
            checks.reject("zip", "ZIP code '" + zip + "' is invalid: it has " + zip.length() + " digits. Enter a "
                    + "5-digit ZIP code or ZIP+4.");
        } else {
            checks.reject("zip", "ZIP code '" + zip + "' is invalid: use digits only, such as 46601 or "
                    + "46601-1234.");
        }
        return null;
    }

    private String checkCounty(FieldChecks checks, String value, Optional<State> state) {
        String fips = FieldChecks.optional(value);
        if (fips == null) {
            return null;
        }
        if (!COUNTY_FIPS.matcher(fips).matches()) {
            checks.reject("countyFips", "County FIPS code '" + fips + "' is invalid. Enter 5 digits, such as 18141 "
                    + "for St. Joseph County, Indiana, or leave it blank.");
            return null;
        }
        Optional<County> county = referenceData.findCounty(fips);
        if (county.isEmpty()) {
            checks.reject("countyFips", "County FIPS code '" + fips + "' was not found. Enter the code of an "
                    + "existing county, or leave it blank.");
            return null;
        }
        if (state.isPresent() && !county.get().stateFips().equals(state.get().fips())) {
            checks.reject("countyFips", "County " + county.get().name() + " (" + fips + ") is not in "
                    + state.get().abbreviation() + ". Enter a county of the office's state, or leave it blank.");
            return null;
        }
        return fips;
    }

    /** Returns the phone's E.164 form, or {@code null} for a blank phone. */
    static String checkPhone(FieldChecks checks, String field, String phone) {
        if (phone == null) {
            return null;
        }
        Optional<String> e164 = PhoneNumbers.toE164(phone);
        if (e164.isEmpty()) {
            checks.reject(field, "Phone '" + phone + "' is invalid: it is not a possible phone number. Enter a "
                    + "10-digit US number such as (574) 555-0100, with any extension after 'ext.'.");
            return null;
        }
        return e164.get();
    }

    private static String checkEmail(FieldChecks checks, String field, String value) {
        String email = FieldChecks.optional(value);
        if (email != null && !EMAIL.matcher(email).matches()) {
            checks.reject(field, "Email '" + email + "' is invalid. Enter an address such as "
                    + "business-services@example.org, or leave it blank.");
            return null;
        }
        return email;
    }

    /** Accepts only region names from the JVM's IANA zone database, not fixed offsets such as +05:00. */
    static String checkTimeZone(FieldChecks checks, String value) {
        String zone = checks.required("timeZone", value,
                "Time zone is missing. Enter an IANA time zone name, such as America/Indiana/Indianapolis.");
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            checks.reject("timeZone", "Time zone '" + zone + "' is not an IANA time zone name. Enter one such as "
                    + "America/Indiana/Indianapolis or America/Chicago.");
            return null;
        }
        return zone;
    }

    private static String checkWebsite(FieldChecks checks, String value) {
        String website = FieldChecks.optional(value);
        if (website == null) {
            return null;
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return website;
            }
        } catch (URISyntaxException e) {
            log.debug("Website '{}' does not parse as a URI: {}", website, e.getMessage());
        }
        checks.reject("website", "Website '" + website + "' is invalid. Enter a full address that starts with "
                + "https://, or leave it blank.");
        return null;
    }

    private static Integer checkReviewPeriod(FieldChecks checks, String value) {
        String text = checks.required("reviewPeriodDays", value,
                "Review period is missing. Enter the number of days, such as 90.");
        if (text == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= MAX_REVIEW_PERIOD_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            log.debug("Review period '{}' is not a whole number", text);
        }
        checks.reject("reviewPeriodDays", "Review period '" + text + "' is invalid. Enter a whole number of days "
                + "from 1 to " + MAX_REVIEW_PERIOD_DAYS + ".");
        return null;
    }

    private ProgramValues checkProgram(ProgramChanges changes) {
        FieldChecks checks = new FieldChecks();
        String name = checks.required("name", changes.name(),
                "Name is missing. Enter the program's name, such as WIOA Title I Adult.");
        String code = FieldChecks.optional(changes.federalProgramCode());
        if (code != null && referenceData.federalPrograms().stream().noneMatch(program -> program.code().equals(code))) {
            checks.reject("federalProgramCode", "Federal program '" + code + "' was not found. Choose one from the "
                    + "list, or none.");
        }
        checks.throwIfAny();

        return new ProgramValues(name, code, changes.description() == null ? "" : changes.description().strip());
    }

    private ServiceValues checkService(long partnerId, ServiceChanges changes, int currentResponseDays,
                                       int currentFirstContactDays) {
        FieldChecks checks = new FieldChecks();
        String name = checks.required("name", changes.name(),
                "Name is missing. Enter the service's name, such as On-the-job training.");
        String description = checks.required("description", changes.description(),
                "Description is missing. Describe in plain words what the business gets.");
        String categoryCode = checks.required("categoryCode", changes.categoryCode(),
                "Category is missing. Choose the federal employer service category.");
        if (categoryCode != null && referenceData.employerServiceCategories().stream()
                .noneMatch(category -> category.code().equals(categoryCode))) {
            checks.reject("categoryCode", "Category '" + categoryCode + "' was not found. Choose one of the eight "
                    + "employer service categories.");
        }
        if (changes.programId() == null) {
            checks.reject("programId", "Program is missing. Choose the program that offers the service.");
        } else if (!belongsTo("program", changes.programId(), partnerId)) {
            checks.reject("programId", "Program " + changes.programId() + " is not a program of this partner. "
                    + "Choose one from the list.");
        }
        if (changes.officeId() == null) {
            checks.reject("officeId", "Office is missing. Choose the office that delivers the service.");
        } else if (!belongsTo("office", changes.officeId(), partnerId)) {
            checks.reject("officeId", "Office " + changes.officeId() + " is not an office of this partner. "
                    + "Choose one from the list.");
        }
        String contactEmail = checkEmail(checks, "contactEmail", changes.contactEmail());
        String contactPhone = FieldChecks.optional(changes.contactPhone());
        checkPhone(checks, "contactPhone", contactPhone);
        int responseDays = businessDays(checks, "responseDays", "Days to respond", changes.responseDays(),
                currentResponseDays);
        int firstContactDays = businessDays(checks, "firstContactDays", "Days to first contact",
                changes.firstContactDays(), currentFirstContactDays);
        checks.throwIfAny();

        return new ServiceValues(changes.programId(), changes.officeId(), categoryCode, name, description,
                changes.eligibilityDescription() == null ? "" : changes.eligibilityDescription().strip(),
                FieldChecks.optional(changes.contactName()), contactEmail, contactPhone, changes.isActive(),
                responseDays, firstContactDays);
    }

    private static int businessDays(FieldChecks checks, String field, String label, Integer value, int current) {
        if (value == null) {
            return current;
        }
        if (value < 1 || value > ServiceChanges.MAX_BUSINESS_DAYS) {
            checks.reject(field, label + " is " + value + ". Enter a whole number of business days from 1 to "
                    + ServiceChanges.MAX_BUSINESS_DAYS + ".");
        }
        return value;
    }

    private boolean belongsTo(String table, long id, long partnerId) {
        // The table name comes from this class, never from input.
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id AND partner_id = :partnerId)")
                .param("id", id)
                .param("partnerId", partnerId)
                .query(Boolean.class)
                .single();
    }

    private static InvalidInputException duplicateName(String message, DuplicateKeyException cause) {
        log.info("Rejected a duplicate directory name: {}", cause.getMostSpecificCause().getMessage());
        return new InvalidInputException("name", message);
    }

    private static InvalidInputException duplicateOfficeName(String name, DuplicateKeyException cause) {
        return duplicateName("This partner already has an office named '" + name + "'. Choose another name.", cause);
    }

    private static InvalidInputException duplicateProgramName(String name, DuplicateKeyException cause) {
        return duplicateName("This partner already has a program named '" + name + "'. Choose another name.", cause);
    }

    private static InvalidInputException duplicateServiceName(String name, DuplicateKeyException cause) {
        return duplicateName("The program already has a service named '" + name + "'. Choose another name.", cause);
    }

    /** Office fields after validation, named as the SQL parameters. */
    record ValidOffice(String name, String addressLine1, String addressLine2, String city, String state, String zip,
                       String countyFips, String phone, String phoneE164, String email, String timeZone,
                       String hours) {

        Map<String, Object> toParameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("name", name);
            parameters.put("addressLine1", addressLine1);
            parameters.put("addressLine2", addressLine2);
            parameters.put("city", city);
            parameters.put("state", state);
            parameters.put("zip", zip);
            parameters.put("countyFips", countyFips);
            parameters.put("phone", phone);
            parameters.put("phoneE164", phoneE164);
            parameters.put("email", email);
            parameters.put("timeZone", timeZone);
            parameters.put("hours", hours);
            return parameters;
        }
    }

    private record ProgramValues(String name, String federalProgramCode, String description) {
    }

    /** Service fields after validation, named as the SQL parameters. */
    record ServiceValues(Long programId, Long officeId, String categoryCode, String name, String description,
                         String eligibilityDescription, String contactName, String contactEmail,
                         String contactPhone, boolean active, int responseDays, int firstContactDays) {

        Map<String, Object> toParameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("responseDays", responseDays);
            parameters.put("firstContactDays", firstContactDays);
            parameters.put("programId", programId);
            parameters.put("officeId", officeId);
            parameters.put("categoryCode", categoryCode);
            parameters.put("name", name);
            parameters.put("description", description);
            parameters.put("eligibilityDescription", eligibilityDescription);
            parameters.put("contactName", contactName);
            parameters.put("contactEmail", contactEmail);
            parameters.put("contactPhone", contactPhone);
            parameters.put("active", active);
            return parameters;
        }
    }
}
