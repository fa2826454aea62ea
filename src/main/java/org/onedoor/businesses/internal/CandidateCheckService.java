package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onedoor.businesses.DuplicateCandidate;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.NewBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.businesses.internal.BusinessCandidates.Candidate;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PhoneNumbers;
import org.onedoor.shared.PhoneNumbers.Check;
import org.onedoor.shared.PhoneNumbers.ParsedPhone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs the duplicate check for businesses entered by people and creates them through the registry. */
@Service
class CandidateCheckService implements DuplicateCheck {

    private static final Logger log = LoggerFactory.getLogger(CandidateCheckService.class);

    private static final Pattern FEIN = Pattern.compile("([0-9]{2})-?([0-9]{7})");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern NAICS = Pattern.compile("[0-9]{2,6}");
    private static final int MAX_CANDIDATES = 10;

    private final CandidateSearch candidateSearch;
    private final BusinessCandidates candidates;
    private final MatchingBusinessRegistry registry;
    private final ReferenceData referenceData;

    CandidateCheckService(CandidateSearch candidateSearch, BusinessCandidates candidates,
                          MatchingBusinessRegistry registry, ReferenceData referenceData) {
        this.candidateSearch = candidateSearch;
        this.candidates = candidates;
        this.registry = registry;
        this.referenceData = referenceData;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> findCandidates(NewBusiness business) {
        Converted converted = convert(business);
        if (NameKey.of(converted.business().legalName()).isEmpty() && converted.business().address() == null
                && converted.business().phoneE164() == null && converted.business().fein() == null) {
            return List.of();
        }
        return rank(MatchProfile.of(converted.business()), null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> findDuplicatesOf(long businessId) {
        List<Candidate> found = candidates.load(List.of(businessId), false);
        if (found.isEmpty()) {
            throw NotFoundException.of("Business", businessId);
        }
        return rank(found.get(0).matchProfile(), businessId);
    }

    @Override
    @Transactional
    public Creation create(NewBusiness business, boolean confirmedDifferent, String sourceName, long userId,
                           Long partnerId) {
        Converted converted = convert(business);
        if (!converted.problems().isEmpty()) {
            throw new InvalidInputException(converted.problems());
        }
        List<DuplicateCandidate> found = rank(MatchProfile.of(converted.business()), null);
        boolean likelyDuplicate = found.stream().anyMatch(DuplicateCandidate::likelyDuplicate);
        if (likelyDuplicate && !confirmedDifferent) {
            log.info("New business not created for user {}: {} likely duplicates, best is business {}", userId,
                    found.stream().filter(DuplicateCandidate::likelyDuplicate).count(), found.get(0).id());
            return new Creation(null, found);
        }
        SourceReference source = new SourceReference("STAFF_ENTRY", sourceName, null, 0, rawValues(business), userId,
                partnerId);
        Registration registration = registry.registerAsNew(converted.business(), source);
        return new Creation(registration.businessId(), found);
    }

    private List<DuplicateCandidate> rank(MatchProfile profile, Long excludedId) {
        List<DuplicateCandidate> result = new ArrayList<>();
        for (CandidateSearch.Scored scored : candidateSearch.rank(profile, excludedId)) {
            double score = scored.result().score();
            if (score < LISTED_SCORE || result.size() == MAX_CANDIDATES) {
                break;
            }
            Candidate candidate = scored.candidate();
            result.add(new DuplicateCandidate(candidate.businessId(), candidate.legalName(), candidate.firstAddress(),
                    Math.round(score * 1000) / 1000.0, score >= LIKELY_DUPLICATE_SCORE, scored.result().reasons()));
        }
        return result;
    }

    /** The record to register and the problems found on the way; values with a problem are left out. */
    record Converted(IncomingBusiness business, List<FieldProblem> problems) {
    }

    /** Checks and normalizes the entered values, naming each invalid value and the fix. */
    Converted convert(NewBusiness entry) {
        List<FieldProblem> problems = new ArrayList<>();
        String legalName = trimmed(entry.legalName());
        if (legalName == null) {
            problems.add(new FieldProblem("legalName", "Legal name is missing. Enter the business's legal name."));
        } else if (NameKey.of(legalName).isEmpty()) {
            problems.add(new FieldProblem("legalName", "Legal name '" + legalName
                    + "' is invalid: it has no letters or digits. Enter the business's legal name."));
        }

        String fein = trimmed(entry.fein());
        if (fein != null) {
            var matcher = FEIN.matcher(fein);
            if (matcher.matches()) {
                fein = matcher.group(1) + "-" + matcher.group(2);
            } else {
                problems.add(new FieldProblem("fein", "FEIN '" + fein + "' is invalid: it has "
                        + fein.replaceAll("[^0-9]", "").length() + " digits. Enter 9 digits as 12-3456789."));
                fein = null;
            }
        }

        String naics = trimmed(entry.naicsCode());
        if (naics != null && !NAICS.matcher(naics).matches()) {
            problems.add(new FieldProblem("naicsCode", "NAICS code '" + naics
                    + "' is invalid. Enter a 2- to 6-digit code such as 722511, or leave it empty."));
            naics = null;
        }

        String phone = trimmed(entry.phone());
        String phoneE164 = null;
        String extension = null;
        if (phone != null) {
            Optional<ParsedPhone> parsed = PhoneNumbers.parse(phone, "US", Check.VALID);
            if (parsed.isEmpty()) {
                problems.add(new FieldProblem("phone", "Phone '" + phone
                        + "' is not a valid US phone number. Enter the area code and number, such as (574) 232-2277."));
            } else {
                phoneE164 = parsed.get().e164();
                extension = parsed.get().extension();
            }
        }

        String state = trimmed(entry.state());
        if (state != null) {
            if (STATE.matcher(state).matches() && referenceData.findStateByAbbreviation(state).isPresent()) {
                state = state.toUpperCase(Locale.ROOT);
            } else if (STATE.matcher(state).matches()) {
                problems.add(new FieldProblem("state", "State '" + state
                        + "' was not found. Enter the 2-letter USPS code of a US state or territory, such as IN."));
                state = null;
            } else {
                problems.add(new FieldProblem("state", "State '" + state
                        + "' is invalid. Enter the 2-letter USPS code such as IN."));
                state = null;
            }
        }
        String zip = trimmed(entry.zipCode());
        if (zip != null && !ZIP.matcher(zip).matches()) {
            problems.add(new FieldProblem("zipCode", "ZIP code '" + zip + "' is invalid: it has "
                    + zip.replaceAll("[^0-9]", "").length() + " digits. Enter a 5-digit ZIP code or ZIP+4."));
            zip = null;
        }

        String street = trimmed(entry.streetAddress());
        String city = trimmed(entry.city());
        IncomingAddress address = street == null && city == null && zip == null ? null
                : new IncomingAddress(street, null, city, state, zip, "US", null);
        String tradeName = trimmed(entry.tradeName());
        List<String> tradeNames = tradeName == null ? List.of() : List.of(tradeName);
        IncomingBusiness business = new IncomingBusiness(legalName == null ? "" : legalName, tradeNames, fein, naics,
                trimmed(entry.website()), phone, phoneE164, extension, address, Map.of());
        return new Converted(business, problems);
    }

    private static Map<String, String> rawValues(NewBusiness entry) {
        Map<String, String> raw = new LinkedHashMap<>();
        putIfPresent(raw, "legalName", entry.legalName());
        putIfPresent(raw, "tradeName", entry.tradeName());
        putIfPresent(raw, "fein", entry.fein());
        putIfPresent(raw, "naicsCode", entry.naicsCode());
        putIfPresent(raw, "website", entry.website());
        putIfPresent(raw, "phone", entry.phone());
        putIfPresent(raw, "streetAddress", entry.streetAddress());
        putIfPresent(raw, "city", entry.city());
        putIfPresent(raw, "state", entry.state());
        putIfPresent(raw, "zipCode", entry.zipCode());
        return raw;
    }

    private static void putIfPresent(Map<String, String> raw, String key, String value) {
        if (value != null && !value.isBlank()) {
            raw.put(key, value);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
