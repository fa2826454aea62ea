package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.SourceReference;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Checks an incoming record before it is matched, so a value the schema would reject comes back as a field
 * problem that names the value and the fix.
 */
@Component
class IncomingValidation {

    private static final Pattern FEIN = Pattern.compile("[0-9]{2}-[0-9]{7}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern US_ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern COUNTY_FIPS = Pattern.compile("[0-9]{5}");
    private static final Set<String> SOURCE_KINDS = Set.of("IMPORT_ROW", "STAFF_ENTRY", "SELF_UPDATE", "PARTNER_SYSTEM");

    private final ReferenceData referenceData;
    // NAICS codes and county FIPS codes never change while the application runs, so each is looked up once.
    private final Map<String, Boolean> naicsExists = new ConcurrentHashMap<>();
    private final Map<String, Boolean> countyExists = new ConcurrentHashMap<>();

    IncomingValidation(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** @throws InvalidInputException listing every invalid value */
    void check(IncomingBusiness business, SourceReference source) {
        List<FieldProblem> problems = new ArrayList<>();
        checkSource(source, problems);
        checkBusiness(business, problems);
        if (business.address() != null) {
            checkAddress(business.address(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void checkSource(SourceReference source, List<FieldProblem> problems) {
        if (source == null) {
            problems.add(new FieldProblem("source", "Source is missing. Name the file or system the record came from."));
            return;
        }
        if (source.kind() == null || !SOURCE_KINDS.contains(source.kind())) {
            problems.add(new FieldProblem("source.kind", "Source kind '" + source.kind() + "' is invalid. Use one of "
                    + String.join(", ", SOURCE_KINDS.stream().sorted().toList()) + "."));
        }
        if (source.sourceName() == null || source.sourceName().isBlank()) {
            problems.add(new FieldProblem("source.sourceName",
                    "Source name is missing. Give the file name or the name of the system."));
        }
        if (source.lineNumber() < 0) {
            problems.add(new FieldProblem("source.lineNumber",
                    "Line number " + source.lineNumber() + " is invalid. Use the 1-based line, or 0 outside imports."));
        }
    }

    private void checkBusiness(IncomingBusiness business, List<FieldProblem> problems) {
        if (business.legalName() == null || business.legalName().isBlank()) {
            problems.add(new FieldProblem("legalName", "Legal name is missing. Enter the business's legal name."));
        } else if (NameKey.of(business.legalName()).isEmpty()) {
            problems.add(new FieldProblem("legalName", "Legal name '" + business.legalName()
                    + "' is invalid: it has no letters or digits. Enter the business's legal name."));
        }
        if (business.fein() != null && !FEIN.matcher(business.fein()).matches()) {
            problems.add(new FieldProblem("fein", "FEIN '" + business.fein()
                    + "' is invalid. Enter 9 digits as 12-3456789."));
        }
        if (business.naicsCode() != null
                && !naicsExists.computeIfAbsent(business.naicsCode(), referenceData::isValidNaics)) {
            problems.add(new FieldProblem("naicsCode", "NAICS code '" + business.naicsCode()
                    + "' was not found in NAICS 2022. Enter a 2- to 6-digit code such as 722511, or leave it empty."));
        }
        if (business.phoneE164() != null && !E164.matcher(business.phoneE164()).matches()) {
            problems.add(new FieldProblem("phoneE164", "Phone '" + business.phoneE164()
                    + "' is not in E.164 form. Send it as + and country code and number, such as +15742322277."));
        }
        if (business.phoneExtension() != null && !DIGITS.matcher(business.phoneExtension()).matches()) {
            problems.add(new FieldProblem("phoneExtension", "Phone extension '" + business.phoneExtension()
                    + "' is invalid. Use digits only."));
        }
    }

    private void checkAddress(IncomingAddress address, List<FieldProblem> problems) {
        String country = address.countryCode() == null ? "US" : address.countryCode();
        if (!COUNTRY.matcher(country).matches()) {
            problems.add(new FieldProblem("address.countryCode", "Country code '" + country
                    + "' is invalid. Use an ISO 3166-1 alpha-2 code such as US or CA."));
        }
        if ("US".equals(country) && address.postalCode() != null && !US_ZIP.matcher(address.postalCode()).matches()) {
            problems.add(new FieldProblem("address.postalCode", "ZIP code '" + address.postalCode()
                    + "' is invalid. Enter a 5-digit ZIP code or ZIP+4 as 12345-6789."));
        }
        if (address.countyFips() != null) {
            boolean known = COUNTY_FIPS.matcher(address.countyFips()).matches()
                    && countyExists.computeIfAbsent(address.countyFips(),
                    fips -> referenceData.findCounty(fips).isPresent());
            if (!known) {
                problems.add(new FieldProblem("address.countyFips", "County FIPS code '" + address.countyFips()
                        + "' was not found. Enter the 5-digit code of a US county, such as 18141."));
            }
        }
    }
}
