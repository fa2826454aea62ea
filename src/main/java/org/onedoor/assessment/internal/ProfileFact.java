package org.onedoor.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.HiringNeeds;
import org.onedoor.eligibility.FactCatalog;

/**
 * The business profile facts that an assessment question may map to. The profile stores the answer to such a
 * question, with its provenance, and the assessment reads it from there instead of asking again.
 */
public enum ProfileFact {

    EMPLOYEE_BAND("Employee count band", "employeeBand", AnswerType.CHOICE, false, bandValues(),
            BusinessProfile::employeeBand),
    NAICS_CODE("NAICS 2022 code", "naicsCode", AnswerType.TEXT, false, Map.of(), BusinessProfile::naicsCode),
    OWNERSHIP_TYPE("Ownership type", "ownershipType", AnswerType.CHOICE, false,
            Map.of("FOR_PROFIT", "For-profit", "NONPROFIT", "Nonprofit", "PUBLIC", "Public"),
            BusinessProfile::ownershipType),
    YEAR_STARTED("Year started", "yearStarted", AnswerType.NUMBER, false, Map.of(),
            profile -> profile.yearStarted() == null ? null : profile.yearStarted().toString()),
    LAYOFF_ANNOUNCED("Layoff or closure announced", "layoffAnnounced", AnswerType.YES_NO, false, Map.of(),
            profile -> yesNo(profile.layoffAnnounced())),
    HIRING_NEEDS("Hiring needs", "hiringNeeds", AnswerType.CHOICE, true, hiringValues(),
            ProfileFact::hiringNeeds),
    HOURLY_WAGE_OFFERED("Hourly wage offered (US dollars)", "hourlyWageOffered", AnswerType.NUMBER, false, Map.of(),
            profile -> number(profile.hourlyWageOffered())),
    HIRES_PEOPLE_WITH_DISABILITIES("Willing to hire people with disabilities", "hiresPeopleWithDisabilities",
            AnswerType.YES_NO, false, Map.of(), profile -> yesNo(profile.hiresPeopleWithDisabilities())),
    HIRES_VETERANS("Willing to hire veterans", "hiresVeterans", AnswerType.YES_NO, false, Map.of(),
            profile -> yesNo(profile.hiresVeterans()));

    /** The option value that stands for an empty list of hiring needs: the business plans no hiring. */
    public static final String NO_HIRING = "NONE";

    private final String label;
    private final String patchKey;
    private final AnswerType answerType;
    private final boolean multiple;
    private final Map<String, String> allowedValues;
    private final Function<BusinessProfile, String> reader;

    ProfileFact(String label, String patchKey, AnswerType answerType, boolean multiple,
                Map<String, String> allowedValues, Function<BusinessProfile, String> reader) {
        this.label = label;
        this.patchKey = patchKey;
        this.answerType = answerType;
        this.multiple = multiple;
        this.allowedValues = allowedValues;
        this.reader = reader;
    }

    /** Returns the fact's name as stored on questions and in the profile history, such as {@code layoff_announced}. */
    public String factName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ProfileFact> ofName(String name) {
        for (ProfileFact fact : values()) {
            if (fact.factName().equals(name)) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return label;
    }

    public AnswerType answerType() {
        return answerType;
    }

    public boolean multiple() {
        return multiple;
    }

    /** The option values a question mapped to this fact may use, with their labels; empty when any value goes. */
    public Map<String, String> allowedValues() {
        return allowedValues;
    }

    /** Returns the profile's value in the canonical answer form, or {@code null} when the profile lacks it. */
    public String valueIn(BusinessProfile profile) {
        return reader.apply(profile);
    }

    /** Finds who collected the profile's value, for which partner and when. */
    public Optional<BusinessProfile.Fact> provenanceIn(BusinessProfile profile) {
        return profile.factOf(factName());
    }

    /** Returns the JSON merge patch that stores a canonical answer in the profile. */
    public Map<String, Object> patch(String answer) {
        Object value = switch (this) {
            case LAYOFF_ANNOUNCED, HIRES_PEOPLE_WITH_DISABILITIES, HIRES_VETERANS -> "yes".equals(answer);
            case HIRING_NEEDS -> NO_HIRING.equals(answer) ? List.of() : List.of(answer.split(","));
            default -> answer;
        };
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(patchKey, value);
        return patch;
    }

    private static String yesNo(Boolean value) {
        if (value == null) {
            return null;
        }
        return value ? "yes" : "no";
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String hiringNeeds(BusinessProfile profile) {
        List<String> needs = profile.hiringNeeds();
        if (needs == null) {
            return null;
        }
        return needs.isEmpty() ? NO_HIRING : String.join(",", needs);
    }

    private static Map<String, String> bandValues() {
        Map<String, String> values = new LinkedHashMap<>();
        FactCatalog.EMPLOYEE_BANDS.keySet().forEach(band -> values.put(band, band + " employees"));
        return values;
    }

    private static Map<String, String> hiringValues() {
        Map<String, String> values = new LinkedHashMap<>(HiringNeeds.KINDS);
        values.put(NO_HIRING, "No hiring planned");
        return values;
    }

    /** Lists the facts for a form's select, as name and label. */
    public static List<Map.Entry<String, String>> choices() {
        List<Map.Entry<String, String>> choices = new ArrayList<>();
        for (ProfileFact fact : values()) {
            choices.add(Map.entry(fact.factName(), fact.label()));
        }
        return choices;
    }
}
