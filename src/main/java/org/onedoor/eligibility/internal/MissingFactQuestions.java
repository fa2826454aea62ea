package org.onedoor.eligibility.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.businesses.BusinessProfileService.MissingFact;
import org.onedoor.businesses.HiringNeeds;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.Fact;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the missing facts of an unknown result into questions about profile fields, each asked once even when
 * several facts come from it, and saves the answers into the shared profile with their provenance.
 */
@Service
public class MissingFactQuestions {

    private static final Logger log = LoggerFactory.getLogger(MissingFactQuestions.class);

    private static final Map<String, String> YES_NO = orderedYesNo();

    /** The profile field that fills each fact, where it is one field. Counties are asked per establishment. */
    private static final Map<String, String> PROFILE_FIELDS = Map.ofEntries(
            Map.entry("naics_code", "naicsCode"), Map.entry("naics_sector", "naicsCode"),
            Map.entry("employee_band", "employeeBand"), Map.entry("employee_band_min", "employeeBand"),
            Map.entry("ownership_type", "ownershipType"), Map.entry("years_in_operation", "yearStarted"),
            Map.entry("layoff_announced", "layoffAnnounced"), Map.entry("hiring_needs", "hiringNeeds"),
            Map.entry("hourly_wage_offered", "hourlyWageOffered"),
            Map.entry("hires_people_with_disabilities", "hiresPeopleWithDisabilities"),
            Map.entry("hires_veterans", "hiresVeterans"));

    private final BusinessProfileService profiles;

    MissingFactQuestions(BusinessProfileService profiles) {
        this.profiles = profiles;
    }

    /**
     * One question about a profile field.
     *
     * @param field the profile merge patch path the answer goes to, such as {@code yearStarted} or
     *              {@code establishments.12.countyFips}
     * @param kind {@code TEXT}, {@code CHOICE}, {@code YES_NO} or {@code MANY_CHOICES}
     * @param choices the values to choose from, code to label; empty for {@code TEXT}
     * @param hint how to write a {@code TEXT} answer, or {@code null}
     */
    public record Question(String field, String label, String question, String kind, Map<String, String> choices,
                           String hint) {
    }

    /**
     * The questions of one result, and notes on missing facts that no question here can fill.
     */
    public record Questions(List<Question> questions, List<String> notes) {
    }

    /** Lists the questions that would fill the missing facts of a result. */
    @Transactional(readOnly = true)
    public Questions of(long businessId, EligibilityResult result, CurrentUser reader) {
        Map<String, Question> questions = new LinkedHashMap<>();
        Set<String> notes = new LinkedHashSet<>();
        for (EligibilityResult.MissingFact missing : result.missingFacts()) {
            Fact fact = FactCatalog.find(missing.name()).orElseThrow();
            switch (fact.name()) {
                case "naics_code", "naics_sector" -> questions.putIfAbsent("naicsCode", new Question("naicsCode",
                        "NAICS 2022 code", fact.question(), "TEXT", Map.of(),
                        "A NAICS 2022 code of 2 to 6 digits, such as 332710."));
                case "employee_band", "employee_band_min" -> questions.putIfAbsent("employeeBand",
                        new Question("employeeBand", "Employee count band", fact.question(), "CHOICE",
                                FactCatalog.find("employee_band").orElseThrow().choices(), null));
                case "ownership_type" -> questions.putIfAbsent("ownershipType", new Question("ownershipType",
                        fact.label(), fact.question(), "CHOICE", fact.choices(), null));
                case "establishment_counties", "in_service_area" -> addCountyQuestions(businessId, reader, fact,
                        questions, notes);
                case "years_in_operation" -> questions.putIfAbsent("yearStarted", new Question("yearStarted",
                        "Year started", fact.question(), "TEXT", Map.of(), "Four digits, such as 1998."));
                case "layoff_announced" -> questions.putIfAbsent("layoffAnnounced", yesNo("layoffAnnounced", fact));
                case "hiring_needs" -> questions.putIfAbsent("hiringNeeds", new Question("hiringNeeds", fact.label(),
                        fact.question(), "MANY_CHOICES", HiringNeeds.KINDS, "Check every kind that applies."));
                case "hourly_wage_offered" -> questions.putIfAbsent("hourlyWageOffered", new Question(
                        "hourlyWageOffered", "Hourly wage offered", fact.question(), "TEXT", Map.of(),
                        "US dollars per hour, such as 18.50."));
                case "hires_people_with_disabilities" -> questions.putIfAbsent("hiresPeopleWithDisabilities",
                        yesNo("hiresPeopleWithDisabilities", fact));
                case "hires_veterans" -> questions.putIfAbsent("hiresVeterans", yesNo("hiresVeterans", fact));
                default -> notes.add(fact.label() + " cannot be answered here.");
            }
        }
        return new Questions(List.copyOf(questions.values()), List.copyOf(notes));
    }

    private void addCountyQuestions(long businessId, CurrentUser reader, Fact fact, Map<String, Question> questions,
                                    Set<String> notes) {
        List<MissingFact> counties = profiles.missingFacts(businessId, reader).stream()
                .filter(missing -> missing.field().endsWith(".countyFips"))
                .toList();
        if (counties.isEmpty()) {
            notes.add("The business has no establishment with an address, so its county cannot be asked here. Add "
                    + "its address to the profile first.");
        }
        for (MissingFact county : counties) {
            questions.putIfAbsent(county.field(), new Question(county.field(), county.label(), fact.question(), "TEXT",
                    Map.of(), "The 5-digit county FIPS code, such as 18141 for St. Joseph County, Indiana."));
        }
    }

    /** Returns why an answer is rejected, pointing from a fact's name to the profile field that takes it. */
    private static String notAsked(String field, Set<String> fields) {
        String asField = PROFILE_FIELDS.get(field);
        if (asField != null && fields.contains(asField)) {
            return "'" + field + "' is the name of the fact in rules. Send the answer as '" + asField + "'.";
        }
        if (fields.isEmpty()) {
            return "'" + field + "' was not asked, because no fact is missing for this service now.";
        }
        return "'" + field + "' was not asked, because it is known or not needed for this service. Answer only: "
                + String.join(", ", fields) + ".";
    }

    private static Question yesNo(String field, Fact fact) {
        return new Question(field, fact.label(), fact.question(), "YES_NO", YES_NO, null);
    }

    /**
     * Saves answers to the given questions as a staff entry of the user's partner. Blank answers are skipped.
     *
     * @param answers answers by question field; a {@code MANY_CHOICES} answer is a list or text separated by commas
     * @return the number of profile fields changed
     * @throws InvalidInputException for an answer to a question that was not asked, or an invalid value
     */
    @Transactional
    public int answer(long businessId, Questions asked, Map<String, ?> answers, CurrentUser user, String source) {
        Set<String> fields = new LinkedHashSet<>(asked.questions().stream().map(Question::field).toList());
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> patch = new LinkedHashMap<>();
        answers.forEach((field, value) -> {
            if (!fields.contains(field)) {
                problems.add(new FieldProblem(field, notAsked(field, fields)));
                return;
            }
            if (isBlank(value)) {
                return;
            }
            put(patch, field, value);
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (patch.isEmpty()) {
            return 0;
        }

        int changed = profiles.update(businessId, patch, Editor.staff(user, source)).changedFields().size();
        log.info("User {} answered {} missing facts of business {} for eligibility", user.id(), changed, businessId);
        return changed;
    }

    private static boolean isBlank(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty();
        }
        return value.toString().isBlank();
    }

    /** Puts a dotted path such as {@code establishments.12.countyFips} into a nested merge patch. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> patch, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> object = patch;
        for (int i = 0; i < parts.length - 1; i++) {
            object = (Map<String, Object>) object.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
        }
        object.put(parts[parts.length - 1], value);
    }

    private static Map<String, String> orderedYesNo() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("yes", "Yes");
        choices.put("no", "No");
        return java.util.Collections.unmodifiableMap(choices);
    }
}
