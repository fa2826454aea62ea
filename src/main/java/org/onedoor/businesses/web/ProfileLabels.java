package org.onedoor.businesses.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfile.Establishment;
import org.onedoor.businesses.BusinessProfile.Fact;

/** Names and lists the profile facts as the business page shows them. */
public final class ProfileLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("legalName", "Legal name"),
            Map.entry("fein", "FEIN"),
            Map.entry("ownershipType", "Ownership type"),
            Map.entry("naicsCode", "NAICS 2022 code"),
            Map.entry("yearStarted", "Year started"),
            Map.entry("employeeBand", "Employee count band"),
            Map.entry("website", "Website"),
            Map.entry("countyFips", "County FIPS code"),
            Map.entry("uiAccountNumber", "State UI account number"),
            Map.entry("worksiteEmployees", "Worksite employee count"),
            Map.entry("timeZone", "Time zone"),
            Map.entry("layoffAnnounced", "Layoff or closure announced"),
            Map.entry("hiringNeeds", "Hiring needs"),
            Map.entry("hourlyWageOffered", "Hourly wage offered"),
            Map.entry("hiresPeopleWithDisabilities", "Willing to hire people with disabilities"),
            Map.entry("hiresVeterans", "Willing to hire veterans"));

    private static final java.util.Set<String> YES_NO_FACTS = java.util.Set.of("layoffAnnounced",
            "hiresPeopleWithDisabilities", "hiresVeterans");

    /** Employee count bands: the establishment size classes of the BLS Quarterly Census of Employment and Wages. */
    static final List<String> EMPLOYEE_BANDS = List.of("1-4", "5-9", "10-19", "20-49", "50-99", "100-249", "250-499",
            "500-999", "1000+");
    static final Map<String, String> OWNERSHIP_TYPES = Map.of("FOR_PROFIT", "For-profit", "NONPROFIT", "Nonprofit",
            "PUBLIC", "Public");
    static final Map<String, String> CONTACT_METHODS = Map.of("EMAIL", "Email", "PHONE", "Phone", "TEXT", "Text message",
            "MAIL", "Mail", "IN_PERSON", "In person");

    /**
     * One known fact with its provenance.
     *
     * @param field the merge patch path, such as {@code establishments.12.timeZone}
     * @param inputId an HTML id made from the path
     * @param value the value as shown, such as "722511 Full-Service Restaurants"
     * @param storedValue the value as a form or the API takes it, such as "722511"
     */
    public record KnownFact(String field, String inputId, String label, String value, String storedValue,
                            Fact provenance) {
    }

    /** Returns the label of a merge patch path, such as "Time zone" for {@code establishments.12.timeZone}. */
    static String of(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        return LABELS.getOrDefault(last, field);
    }

    /** Same as {@link #of(String)}, for templates. */
    public String label(String field) {
        return of(field);
    }

    static String inputId(String field) {
        return "fact-" + field.replace('.', '-');
    }

    public String id(String field) {
        return inputId(field);
    }

    /** Returns the hint shown under the input of a fact, or {@code null}. */
    public String hint(String kind) {
        return switch (kind) {
            case "fein" -> "9 digits as 12-3456789.";
            case "naicsCode" -> "A NAICS 2022 code of 2 to 6 digits, such as 722511.";
            case "yearStarted" -> "Four digits, such as 1998.";
            case "website" -> "A full address that starts with https://";
            case "countyFips" -> "The 5-digit county FIPS code, such as 18141 for St. Joseph County, Indiana.";
            case "timeZone" -> "An IANA time zone, such as America/Indiana/Indianapolis or America/Chicago.";
            case "worksiteEmployees" -> "Employees at this worksite, as a whole number.";
            case "hourlyWageOffered" -> "US dollars per hour, such as 18.50.";
            case "hiringNeeds" -> "Check every kind of worker the business plans to hire.";
            default -> null;
        };
    }

    public String sourceKind(String kind) {
        if (kind == null) {
            return "not recorded";
        }
        return switch (kind) {
            case "IMPORT_ROW" -> "import row";
            case "STAFF_ENTRY" -> "staff entry";
            case "SELF_UPDATE" -> "business self-update";
            case "PARTNER_SYSTEM" -> "partner system";
            default -> kind;
        };
    }

    public String visibility(String visibility) {
        return switch (visibility) {
            case "SHARED" -> "Shared with all partners";
            case "PARTNER_ONLY" -> "Visible to this partner only";
            case "CONFIDENTIAL" -> "Confidential: this partner only, every read recorded";
            default -> visibility;
        };
    }

    public boolean isList(org.onedoor.businesses.BusinessProfile.PartnerFieldValue field) {
        return "YES_NO".equals(field.type()) || "CHOICE".equals(field.type());
    }

    /** Returns the options of a yes/no or choice field. */
    public List<String> options(org.onedoor.businesses.BusinessProfile.PartnerFieldValue field) {
        return "YES_NO".equals(field.type()) ? List.of("yes", "no") : field.choices();
    }

    /** Describes what a partner field accepts. */
    public String partnerHint(org.onedoor.businesses.BusinessProfile.PartnerFieldValue field) {
        String accepts = switch (field.type()) {
            case "NUMBER" -> "A number.";
            case "DATE" -> "A date.";
            case "YES_NO" -> "Yes or no.";
            case "CHOICE" -> "One of the choices.";
            default -> "Text.";
        };
        return accepts + " " + visibility(field.visibility()) + ".";
    }

    public org.onedoor.businesses.BusinessProfile.PartnerFieldValue partnerField(BusinessProfile business, long fieldId) {
        return business.partnerFields().stream().filter(field -> field.fieldId() == fieldId).findFirst().orElseThrow();
    }

    public String knownValue(List<KnownFact> known, String field) {
        return known.stream().filter(fact -> fact.field().equals(field)).map(KnownFact::storedValue).findFirst().orElse(null);
    }

    public List<String> employeeBands() {
        return EMPLOYEE_BANDS;
    }

    public Map<String, String> ownershipTypes() {
        return OWNERSHIP_TYPES;
    }

    /** Tells whether a fact is answered yes or no. */
    public boolean isYesNo(String kind) {
        return YES_NO_FACTS.contains(kind);
    }

    public Map<String, String> hiringNeedKinds() {
        return org.onedoor.businesses.HiringNeeds.KINDS;
    }

    public Map<String, String> contactMethods() {
        return CONTACT_METHODS;
    }

    /** Lists the business's known facts, business fields first, then each establishment's. */
    static List<KnownFact> knownFacts(BusinessProfile business) {
        List<KnownFact> known = new ArrayList<>();
        add(known, business, "legalName", "legal_name", business.legalName(), null);
        add(known, business, "fein", "fein", business.fein(), null);
        add(known, business, "ownershipType", "ownership_type", business.ownershipType(), null);
        add(known, business, "naicsCode", "naics_code", business.naicsCode(), null);
        add(known, business, "yearStarted", "year_started", business.yearStarted(), null);
        add(known, business, "employeeBand", "employee_band", business.employeeBand(), null);
        add(known, business, "website", "website", business.website(), null);
        add(known, business, "layoffAnnounced", "layoff_announced", yesNo(business.layoffAnnounced()), null);
        add(known, business, "hiringNeeds", "hiring_needs",
                business.hiringNeeds() == null ? null : String.join(", ", business.hiringNeeds()), null);
        add(known, business, "hourlyWageOffered", "hourly_wage_offered", business.hourlyWageOffered(), null);
        add(known, business, "hiresPeopleWithDisabilities", "hires_people_with_disabilities",
                yesNo(business.hiresPeopleWithDisabilities()), null);
        add(known, business, "hiresVeterans", "hires_veterans", yesNo(business.hiresVeterans()), null);
        for (Establishment establishment : business.establishments()) {
            String prefix = "establishments." + establishment.id() + ".";
            add(known, business, prefix + "countyFips", "establishment.county_fips", establishment.countyFips(),
                    establishment);
            add(known, business, prefix + "uiAccountNumber", "establishment.ui_account_number",
                    establishment.uiAccountNumber(), establishment);
            add(known, business, prefix + "worksiteEmployees", "establishment.worksite_employees",
                    establishment.worksiteEmployees(), establishment);
            add(known, business, prefix + "timeZone", "establishment.time_zone", establishment.timeZone(),
                    establishment);
        }
        return known;
    }

    private static void add(List<KnownFact> known, BusinessProfile business, String field, String historyField,
                            Object value, Establishment establishment) {
        if (value == null) {
            return;
        }
        Long establishmentId = establishment == null ? null : establishment.id();
        Fact provenance = business.factOf(historyField, establishmentId, null).orElse(null);
        String label = of(field) + (establishment == null ? "" : " at " + establishment.addressText());
        known.add(new KnownFact(field, inputId(field), label, shown(field, value.toString(), business), value.toString(),
                provenance));
    }

    private static String yesNo(Boolean value) {
        if (value == null) {
            return null;
        }
        return value ? "yes" : "no";
    }

    private static String shown(String field, String value, BusinessProfile business) {
        if (field.equals("hiringNeeds")) {
            if (value.isEmpty()) {
                return "None";
            }
            return String.join("; ", java.util.Arrays.stream(value.split(", "))
                    .map(kind -> org.onedoor.businesses.HiringNeeds.KINDS.getOrDefault(kind, kind)).toList());
        }
        if (field.equals("hourlyWageOffered")) {
            return "$" + value + " per hour";
        }
        if (YES_NO_FACTS.contains(field)) {
            return value.equals("yes") ? "Yes" : "No";
        }
        if (field.equals("ownershipType")) {
            return OWNERSHIP_TYPES.getOrDefault(value, value);
        }
        if (field.equals("naicsCode") && business.naicsTitle() != null) {
            return value + " " + business.naicsTitle();
        }
        return value;
    }

    /** Tells whether a path names a known fact of this business that the correction form can change. */
    static boolean isCorrectable(String field, BusinessProfile business) {
        return knownFacts(business).stream().anyMatch(fact -> fact.field().equals(field));
    }
}
