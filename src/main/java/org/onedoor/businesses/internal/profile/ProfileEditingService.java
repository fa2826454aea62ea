package org.onedoor.businesses.internal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfile.Contact;
import org.onedoor.businesses.BusinessProfile.Establishment;
import org.onedoor.businesses.BusinessProfile.PartnerFieldValue;
import org.onedoor.businesses.BusinessProfile.TradeName;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.internal.BusinessProfiles;
import org.onedoor.businesses.internal.profile.ProfileChanges.Change;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies profile edits: checks every value, leaves out values equal to the known ones, and writes the rest with one
 * source record and one history row per change. The history trigger keeps each value's provenance.
 */
@Service
class ProfileEditingService implements BusinessProfileService {

    private static final Logger log = LoggerFactory.getLogger(ProfileEditingService.class);

    private static final Set<String> BUSINESS_KEYS = new LinkedHashSet<>(List.of("legalName", "tradeNames", "fein",
            "ownershipType", "naicsCode", "yearStarted", "employeeBand", "website", "layoffAnnounced", "hiringNeeds",
            "hourlyWageOffered", "hiresPeopleWithDisabilities", "hiresVeterans", "establishments", "contacts"));
    private static final Set<String> ESTABLISHMENT_KEYS = new LinkedHashSet<>(List.of("countyFips", "uiAccountNumber",
            "worksiteEmployees", "timeZone"));
    private static final Set<String> CONTACT_KEYS = new LinkedHashSet<>(List.of("name", "role", "email", "phones",
            "preferredMethod"));

    private final BusinessProfiles profiles;
    private final ProfileFieldRules rules;
    private final ProfileChanges changes;

    ProfileEditingService(BusinessProfiles profiles, ProfileFieldRules rules, ProfileChanges changes) {
        this.profiles = profiles;
        this.rules = rules;
        this.changes = changes;
    }

    @Override
    @Transactional
    public BusinessProfile read(long businessId, CurrentUser reader, String path) {
        return profiles.find(businessId, reader, path).orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    @Override
    @Transactional
    public ProfileChange update(long businessId, Map<String, Object> patch, Editor editor) {
        changes.lock(businessId);
        BusinessProfile current = profiles.find(businessId, null, null)
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
        List<FieldProblem> problems = new ArrayList<>();
        List<Change> planned = new ArrayList<>();

        rejectUnknownKeys("", patch, BUSINESS_KEYS, problems);
        planBusiness(current, patch, planned, problems);
        if (patch.containsKey("establishments")) {
            planEstablishments(current, patch.get("establishments"), planned, problems);
        }
        if (patch.containsKey("contacts")) {
            planContacts(current, patch.get("contacts"), planned, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (planned.isEmpty()) {
            return new ProfileChange(businessId, List.of());
        }

        long sourceRecordId = changes.addSourceRecord(businessId, patch, editor);
        planned.forEach(change -> changes.apply(businessId, change, editor, sourceRecordId));
        changes.touch(businessId);
        log.info("Business {} profile changed in {} fields by user {} through {}", businessId, planned.size(),
                editor.userId(), editor.sourceName());

        return new ProfileChange(businessId, planned.stream().map(Change::historyField).toList());
    }

    private void planBusiness(BusinessProfile current, Map<String, Object> patch, List<Change> planned,
                              List<FieldProblem> problems) {
        long id = current.id();
        if (patch.containsKey("legalName")) {
            String value = rules.legalName("legalName", patch.get("legalName"), problems);
            if (value != null && BusinessProfiles.nameMatchKey(value).isEmpty()) {
                problems.add(new FieldProblem("legalName", "Legal name '" + value
                        + "' is invalid: it has no letters or digits. Enter the business's legal name."));
            } else if (value != null) {
                plan(planned, Change.business(id, "legal_name", current.legalName(), value));
            }
        }
        if (patch.containsKey("fein")) {
            String fein = rules.fein("fein", patch.get("fein"), problems);
            if (fein != null && !fein.equals(current.fein())) {
                changes.businessWithFein(fein, id).ifPresent(other -> {
                    throw new ConflictException("FEIN " + fein + " already belongs to business " + other
                            + ". If the two are the same business, merge them instead of copying the FEIN.");
                });
            }
            plan(planned, Change.business(id, "fein", current.fein(), fein));
        }
        if (patch.containsKey("ownershipType")) {
            plan(planned, Change.business(id, "ownership_type", current.ownershipType(),
                    rules.ownershipType("ownershipType", patch.get("ownershipType"), problems)));
        }
        if (patch.containsKey("naicsCode")) {
            plan(planned, Change.business(id, "naics_code", current.naicsCode(),
                    rules.naicsCode("naicsCode", patch.get("naicsCode"), problems)));
        }
        if (patch.containsKey("yearStarted")) {
            plan(planned, Change.business(id, "year_started", current.yearStarted(),
                    rules.yearStarted("yearStarted", patch.get("yearStarted"), problems)));
        }
        if (patch.containsKey("employeeBand")) {
            plan(planned, Change.business(id, "employee_band", current.employeeBand(),
                    rules.employeeBand("employeeBand", patch.get("employeeBand"), problems)));
        }
        if (patch.containsKey("website")) {
            plan(planned, Change.business(id, "website", current.website(),
                    rules.website("website", patch.get("website"), problems)));
        }
        if (patch.containsKey("tradeNames")) {
            planTradeNames(current, patch.get("tradeNames"), planned, problems);
        }
        planPlans(current, patch, planned, problems);
    }

    /** Plans changes to the facts about the business's hiring and layoff plans. */
    private void planPlans(BusinessProfile current, Map<String, Object> patch, List<Change> planned,
                           List<FieldProblem> problems) {
        long id = current.id();
        if (patch.containsKey("layoffAnnounced")) {
            plan(planned, Change.business(id, "layoff_announced", current.layoffAnnounced(),
                    ProfileFieldRules.yesNo("layoffAnnounced", patch.get("layoffAnnounced"), "Layoff or closure announced",
                            problems)));
        }
        if (patch.containsKey("hiringNeeds")) {
            List<String> needs = rules.hiringNeeds("hiringNeeds", patch.get("hiringNeeds"), problems);
            plan(planned, Change.businessList(id, "hiring_needs", current.hiringNeeds(), needs));
        }
        if (patch.containsKey("hourlyWageOffered")) {
            plan(planned, Change.business(id, "hourly_wage_offered", current.hourlyWageOffered(),
                    rules.hourlyWage("hourlyWageOffered", patch.get("hourlyWageOffered"), problems)));
        }
        if (patch.containsKey("hiresPeopleWithDisabilities")) {
            plan(planned, Change.business(id, "hires_people_with_disabilities", current.hiresPeopleWithDisabilities(),
                    ProfileFieldRules.yesNo("hiresPeopleWithDisabilities", patch.get("hiresPeopleWithDisabilities"),
                            "Willing to hire people with disabilities", problems)));
        }
        if (patch.containsKey("hiresVeterans")) {
            plan(planned, Change.business(id, "hires_veterans", current.hiresVeterans(),
                    ProfileFieldRules.yesNo("hiresVeterans", patch.get("hiresVeterans"), "Willing to hire veterans",
                            problems)));
        }
    }

    /** Replaces the trade names with the list given, as a merge patch replaces arrays; names compare by match key. */
    private static void planTradeNames(BusinessProfile current, Object raw, List<Change> planned,
                                       List<FieldProblem> problems) {
        if (raw != null && !(raw instanceof List<?>)) {
            problems.add(new FieldProblem("tradeNames", "Trade names must be a list, such as [\"China Max\"]."));
            return;
        }
        Map<String, String> requested = new LinkedHashMap<>();
        for (Object item : raw == null ? List.of() : (List<?>) raw) {
            String name = item == null ? "" : item.toString().strip();
            String key = BusinessProfiles.nameMatchKey(name);
            if (key.isEmpty()) {
                problems.add(new FieldProblem("tradeNames", "Trade name '" + name
                        + "' is invalid: it has no letters or digits. Enter the name or leave it out."));
                continue;
            }
            requested.putIfAbsent(key, name);
        }
        Map<String, TradeName> known = new LinkedHashMap<>();
        current.tradeNames().forEach(name -> known.put(BusinessProfiles.nameMatchKey(name.name()), name));
        known.forEach((key, name) -> {
            if (!requested.containsKey(key)) {
                planned.add(Change.removeTradeName(current.id(), name.id(), name.name()));
            }
        });
        requested.forEach((key, name) -> {
            if (!known.containsKey(key)) {
                planned.add(Change.addTradeName(current.id(), name, key));
            }
        });
    }

    private void planEstablishments(BusinessProfile current, Object raw, List<Change> planned,
                                    List<FieldProblem> problems) {
        Map<String, Object> byId = objectOf("establishments", raw, problems);
        for (Map.Entry<String, Object> entry : byId.entrySet()) {
            String path = "establishments." + entry.getKey();
            Establishment establishment = current.establishments().stream()
                    .filter(known -> String.valueOf(known.id()).equals(entry.getKey()))
                    .findFirst()
                    .orElse(null);
            if (establishment == null) {
                problems.add(new FieldProblem(path, "Establishment " + entry.getKey()
                        + " is not one of this business's establishments. Use an id from its establishments list."));
                continue;
            }
            Map<String, Object> fields = objectOf(path, entry.getValue(), problems);
            rejectUnknownKeys(path + ".", fields, ESTABLISHMENT_KEYS, problems);
            long id = establishment.id();
            if (fields.containsKey("countyFips")) {
                plan(planned, Change.establishment(id, "county_fips", establishment.countyFips(),
                        rules.countyFips(path + ".countyFips", fields.get("countyFips"), problems)));
            }
            if (fields.containsKey("uiAccountNumber")) {
                plan(planned, Change.establishment(id, "ui_account_number", establishment.uiAccountNumber(),
                        rules.uiAccountNumber(path + ".uiAccountNumber", fields.get("uiAccountNumber"), problems)));
            }
            if (fields.containsKey("worksiteEmployees")) {
                plan(planned, Change.establishment(id, "worksite_employees", establishment.worksiteEmployees(),
                        rules.worksiteEmployees(path + ".worksiteEmployees", fields.get("worksiteEmployees"), problems)));
            }
            if (fields.containsKey("timeZone")) {
                plan(planned, Change.establishment(id, "time_zone", establishment.timeZone(),
                        rules.timeZone(path + ".timeZone", fields.get("timeZone"), problems)));
            }
        }
    }

    private void planContacts(BusinessProfile current, Object raw, List<Change> planned, List<FieldProblem> problems) {
        Map<String, Object> byId = objectOf("contacts", raw, problems);
        for (Map.Entry<String, Object> entry : byId.entrySet()) {
            String path = "contacts." + entry.getKey();
            Contact contact = current.contacts().stream()
                    .filter(known -> String.valueOf(known.id()).equals(entry.getKey()))
                    .findFirst()
                    .orElse(null);
            if (contact == null) {
                problems.add(new FieldProblem(path, "Contact " + entry.getKey() + " is not one of this business's "
                        + "contacts. Use an id from its contacts list, or add a contact with POST "
                        + "/api/v1/businesses/" + current.id() + "/contacts."));
                continue;
            }
            if (entry.getValue() == null) {
                planned.add(Change.removeContact(contact.id(), contact.name()));
                continue;
            }
            Map<String, Object> fields = objectOf(path, entry.getValue(), problems);
            rejectUnknownKeys(path + ".", fields, CONTACT_KEYS, problems);
            planContactFields(path + ".", contact, fields, planned, problems);
        }
    }

    void planContactFields(String prefix, Contact contact, Map<String, Object> fields, List<Change> planned,
                           List<FieldProblem> problems) {
        long id = contact.id();
        if (fields.containsKey("name")) {
            String name = rules.contactName(prefix + "name", fields.get("name"), problems);
            if (name != null) {
                plan(planned, Change.contact(id, "name", contact.name(), name));
            }
        }
        if (fields.containsKey("role")) {
            plan(planned, Change.contact(id, "role", contact.role(),
                    ProfileFieldRules.text(prefix + "role", fields.get("role"), problems)));
        }
        if (fields.containsKey("email")) {
            plan(planned, Change.contact(id, "email", contact.email(),
                    rules.email(prefix + "email", fields.get("email"), problems)));
        }
        if (fields.containsKey("phones")) {
            List<ProfileFieldRules.Phone> phones = rules.phones(prefix + "phones", fields.get("phones"), problems);
            if (phones != null) {
                plan(planned, Change.contactPhones(id, contact.phones(), phones));
            }
        }
        if (fields.containsKey("preferredMethod")) {
            plan(planned, Change.contact(id, "preferred_method", contact.preferredMethod(),
                    rules.preferredMethod(prefix + "preferredMethod", fields.get("preferredMethod"), problems)));
        }
    }

    @Override
    @Transactional
    public long addContact(long businessId, NewContact contact, Editor editor) {
        changes.lock(businessId);
        BusinessProfile current = profiles.find(businessId, null, null)
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
        List<FieldProblem> problems = new ArrayList<>();
        String name = rules.contactName("name", contact.name(), problems);
        String role = ProfileFieldRules.text("role", contact.role(), problems);
        String email = rules.email("email", contact.email(), problems);
        List<ProfileFieldRules.Phone> phones = rules.phones("phones", contact.phones(), problems);
        String method = rules.preferredMethod("preferredMethod", contact.preferredMethod(), problems);
        if (contact.establishmentId() != null && current.establishments().stream()
                .noneMatch(establishment -> establishment.id() == contact.establishmentId())) {
            problems.add(new FieldProblem("establishmentId", "Establishment " + contact.establishmentId()
                    + " is not one of this business's establishments. Choose one of its establishments or none."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", name);
        raw.put("role", role);
        raw.put("email", email);
        raw.put("phones", contact.phones());
        raw.put("preferredMethod", method);
        long sourceRecordId = changes.addSourceRecord(businessId, Map.of("contacts", Map.of("new", raw)), editor);
        long contactId = changes.addContact(businessId, contact.establishmentId(), name, editor, sourceRecordId);
        List<Change> fields = new ArrayList<>();
        Contact added = new Contact(contactId, contact.establishmentId(), name, null, null, List.of(), List.of(), null,
                null);
        planContactFields("", added, Map.of("role", orEmpty(role), "email", orEmpty(email),
                "phones", contact.phones(), "preferredMethod", orEmpty(method)), fields, problems);
        fields.forEach(change -> changes.apply(businessId, change, editor, sourceRecordId));
        changes.touch(businessId);
        log.info("Contact {} added to business {} by user {}", contactId, businessId, editor.userId());

        return contactId;
    }

    @Override
    @Transactional(readOnly = true)
    public org.onedoor.businesses.EligibilityFacts eligibilityFacts(long businessId) {
        return profiles.eligibilityFacts(businessId).orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissingFact> missingFacts(long businessId, CurrentUser reader) {
        BusinessProfile profile = profiles.find(businessId, null, null)
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
        return MissingFacts.of(profile, reader == null ? List.<PartnerFieldValue>of()
                : changes.requiredPartnerFields(businessId, reader));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Adds the change only when the value differs from the known one, so re-entering a fact records nothing. */
    private static void plan(List<Change> planned, Change change) {
        if (!Objects.equals(change.oldValue(), change.newValue())) {
            planned.add(change);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectOf(String path, Object raw, List<FieldProblem> problems) {
        if (raw instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add(new FieldProblem(path, "Value of '" + path + "' must be an object keyed by id, such as {\"12\": "
                + "{...}}."));
        return Map.of();
    }

    private static void rejectUnknownKeys(String prefix, Map<String, Object> object, Set<String> known,
                                          List<FieldProblem> problems) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problems.add(new FieldProblem(prefix + key, "Field '" + prefix + key + "' is unknown. Use one of: "
                        + String.join(", ", known) + "."));
            }
        }
    }
}
