package org.onedoor.businesses.internal.profile;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfile.Establishment;
import org.onedoor.businesses.BusinessProfile.PartnerFieldValue;
import org.onedoor.businesses.BusinessProfileService.MissingFact;

/** Lists the facts a profile lacks, in the order the missing facts form shows them. */
final class MissingFacts {

    private MissingFacts() {
    }

    static List<MissingFact> of(BusinessProfile profile, List<PartnerFieldValue> requiredPartnerFields) {
        List<MissingFact> missing = new ArrayList<>();
        addIfEmpty(missing, profile.fein(), "fein", "FEIN");
        addIfEmpty(missing, profile.ownershipType(), "ownershipType", "Ownership type");
        addIfEmpty(missing, profile.naicsCode(), "naicsCode", "NAICS 2022 code");
        addIfEmpty(missing, profile.yearStarted(), "yearStarted", "Year started");
        addIfEmpty(missing, profile.employeeBand(), "employeeBand", "Employee count band");
        addIfEmpty(missing, profile.website(), "website", "Website");
        addIfEmpty(missing, profile.layoffAnnounced(), "layoffAnnounced", "Layoff or closure announced");
        addIfEmpty(missing, profile.hiringNeeds(), "hiringNeeds", "Hiring needs");
        addIfEmpty(missing, profile.hourlyWageOffered(), "hourlyWageOffered", "Hourly wage offered");
        addIfEmpty(missing, profile.hiresPeopleWithDisabilities(), "hiresPeopleWithDisabilities",
                "Willing to hire people with disabilities");
        addIfEmpty(missing, profile.hiresVeterans(), "hiresVeterans", "Willing to hire veterans");
        if (profile.contacts().isEmpty()) {
            missing.add(new MissingFact("contacts", "A contact person", null, null));
        }
        for (Establishment establishment : profile.establishments()) {
            String prefix = "establishments." + establishment.id() + ".";
            String at = " at " + establishment.addressText();
            addIfEmpty(missing, establishment.countyFips(), prefix + "countyFips", "County FIPS code" + at,
                    establishment.id());
            addIfEmpty(missing, establishment.uiAccountNumber(), prefix + "uiAccountNumber",
                    "State UI account number" + at, establishment.id());
            addIfEmpty(missing, establishment.worksiteEmployees(), prefix + "worksiteEmployees",
                    "Worksite employee count" + at, establishment.id());
            addIfEmpty(missing, establishment.timeZone(), prefix + "timeZone", "Time zone" + at, establishment.id());
        }
        for (PartnerFieldValue field : requiredPartnerFields) {
            missing.add(new MissingFact("partnerFields." + field.fieldId(),
                    field.name() + " (" + field.ownerPartnerName() + ")", null, field.fieldId()));
        }
        return missing;
    }

    private static void addIfEmpty(List<MissingFact> missing, Object value, String field, String label) {
        if (value == null) {
            missing.add(new MissingFact(field, label, null, null));
        }
    }

    private static void addIfEmpty(List<MissingFact> missing, Object value, String field, String label,
                                   long establishmentId) {
        if (value == null) {
            missing.add(new MissingFact(field, label, establishmentId, null));
        }
    }
}
