package org.onedoor.reference.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.onedoor.reference.County;
import org.onedoor.reference.EmployerServiceCategory;
import org.onedoor.reference.FederalProgram;
import org.onedoor.reference.NaicsCode;
import org.onedoor.reference.ReferenceData;
import org.onedoor.reference.State;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Read-only JSON API for the shipped reference data. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data", description = "NAICS 2022 codes, states, counties, one-stop partner programs and "
        + "employer service categories")
class ReferenceApiController {

    static final int DEFAULT_SEARCH_LIMIT = 20;
    static final int MAX_SEARCH_LIMIT = 50;

    private static final Pattern NAICS_CODE = Pattern.compile("[0-9]{2,6}|[0-9]{2}-[0-9]{2}");
    private static final Pattern STATE_ABBREVIATION = Pattern.compile("[A-Za-z]{2}");

    private final ReferenceData referenceData;

    ReferenceApiController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping("/naics/{code}")
    @Operation(summary = "Get a NAICS 2022 code with its sector, parent and children")
    NaicsDetail naics(@PathVariable String code) {
        String trimmed = code.strip();
        if (!NAICS_CODE.matcher(trimmed).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid NAICS code",
                    "NAICS code '" + trimmed + "' is invalid. Use 2 to 6 digits, such as 541511, "
                            + "or a sector range such as 31-33.");
        }
        NaicsCode naics = referenceData.findNaics(trimmed).orElseThrow(() -> naicsNotFound(trimmed));

        NaicsCode sector = referenceData.findNaics(naics.sectorCode()).orElseThrow();
        CodeTitle parent = naics.parentCode() == null ? null
                : CodeTitle.of(referenceData.findNaics(naics.parentCode()).orElseThrow());
        List<CodeTitle> children = referenceData.naicsChildren(naics.code()).stream().map(CodeTitle::of).toList();
        return new NaicsDetail(naics.code(), naics.title(), naics.level(), CodeTitle.of(sector), parent, children);
    }

    @GetMapping("/naics")
    @Operation(summary = "Search NAICS 2022 titles",
            description = "Matches titles regardless of case, accents and punctuation. A query of digits also "
                    + "matches codes that start with it. Returns at most 50 codes.")
    List<NaicsCode> searchNaics(@RequestParam(name = "q", required = false) String query,
                                @RequestParam(name = "limit", defaultValue = "" + DEFAULT_SEARCH_LIMIT) int limit) {
        if (query == null || query.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "Missing search text",
                    "Query parameter 'q' is missing or blank. Send words from an industry title, such as "
                            + "q=software, or the first digits of a code.");
        }
        if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid limit",
                    "Limit " + limit + " is invalid. Use 1 to " + MAX_SEARCH_LIMIT + ".");
        }
        return referenceData.searchNaics(query, limit);
    }

    @GetMapping("/employer-service-categories")
    @Operation(summary = "List the employer service categories of WIOA performance reporting")
    List<EmployerServiceCategory> employerServiceCategories() {
        return referenceData.employerServiceCategories();
    }

    @GetMapping("/federal-programs")
    @Operation(summary = "List the one-stop partner programs, required ones first")
    List<FederalProgram> federalPrograms() {
        return referenceData.federalPrograms();
    }

    @GetMapping("/states")
    @Operation(summary = "List the 50 states and the District of Columbia")
    List<State> states() {
        return referenceData.states();
    }

    @GetMapping("/states/{abbreviation}/counties")
    @Operation(summary = "List the counties and county equivalents of a state")
    List<County> counties(@PathVariable String abbreviation) {
        String trimmed = abbreviation.strip();
        if (!STATE_ABBREVIATION.matcher(trimmed).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid state abbreviation",
                    "State abbreviation '" + trimmed + "' is invalid. Use a two-letter USPS abbreviation, such as NM.");
        }
        State state = referenceData.findStateByAbbreviation(trimmed).orElseThrow(() ->
                problem(HttpStatus.NOT_FOUND, "State not found",
                        "State '" + trimmed.toUpperCase(Locale.ROOT) + "' was not found. Use the abbreviation of "
                                + "one of the 50 states or DC, such as NM."));
        return referenceData.countiesOf(state.fips());
    }

    /**
     * Writes this controller's problems itself, so that the detail, which names the value and the fix, reaches
     * the client whatever global error handling is configured.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> handle(ErrorResponseException exception, HttpServletRequest request) {
        ProblemDetail body = exception.getBody();
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(exception.getStatusCode()).body(body);
    }

    private ErrorResponseException naicsNotFound(String code) {
        String detail = "NAICS 2022 code '" + code + "' was not found. Use a 2- to 6-digit code from the 2022 "
                + "edition, such as 541511.";
        // Sectors 31-33, 44-45 and 48-49 exist only as ranges, so "31" alone is not a code.
        if (code.length() == 2) {
            detail += referenceData.sectorOf(code)
                    .map(sector -> " Sector " + code + " is part of the range " + sector.code() + ".")
                    .orElse("");
        }
        return problem(HttpStatus.NOT_FOUND, "NAICS code not found", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** A NAICS code with its sector, its parent (null for a sector) and the codes one level below it. */
    record NaicsDetail(String code, String title, int level, CodeTitle sector, CodeTitle parent,
                       List<CodeTitle> children) {
    }

    record CodeTitle(String code, String title) {

        static CodeTitle of(NaicsCode naics) {
            return new CodeTitle(naics.code(), naics.title());
        }
    }
}
