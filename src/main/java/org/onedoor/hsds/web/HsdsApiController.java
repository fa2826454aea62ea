package org.onedoor.hsds.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onedoor.hsds.internal.HsdsApi;
import org.onedoor.hsds.internal.HsdsCatalog.ServiceFilter;
import org.onedoor.hsds.internal.HsdsExport;
import org.onedoor.hsds.internal.HsdsIds;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public, read-only HSDS 3.1 API: the required endpoints (API root, services) and the optional organizations
 * and service_at_locations endpoints. Query parameters are named as in the HSDS OpenAPI description; pages count
 * from 1.
 */
@RestController
@RequestMapping(path = "/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
class HsdsApiController {

    static final int DEFAULT_PER_PAGE = 50;

    private final HsdsApi api;
    private final HsdsExport export;

    HsdsApiController(HsdsApi api, HsdsExport export) {
        this.api = api;
        this.export = export;
    }

    @GetMapping({"", "/"})
    Map<String, Object> root() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "3.1");
        // OneDoor publishes no HSDS profile of its own, so the profile is the base specification.
        root.put("profile", "https://github.com/openreferral/specification");
        return root;
    }

    @GetMapping("/services")
    Map<String, Object> services(@RequestParam(required = false) String search,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(name = "per_page", required = false) Integer perPage,
                                 @RequestParam(name = "organization_id", required = false) String organizationId,
                                 @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
                                 @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
                                 @RequestParam(name = "modified_after", required = false) String modifiedAfter) {
        return api.services(filter(search, organizationId, taxonomyTermId, taxonomyId, modifiedAfter), pageRequest(page, perPage));
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable String id) {
        return api.service(id);
    }

    @GetMapping("/organizations")
    Map<String, Object> organizations(@RequestParam(required = false) String search,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(name = "per_page", required = false) Integer perPage) {
        return api.organizations(search, pageRequest(page, perPage));
    }

    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@PathVariable String id) {
        return api.organization(id);
    }

    @GetMapping("/service_at_locations")
    Map<String, Object> servicesAtLocations(@RequestParam(required = false) String search,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(name = "per_page", required = false) Integer perPage,
                                            @RequestParam(name = "organization_id", required = false) String organizationId,
                                            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
                                            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
                                            @RequestParam(name = "modified_after", required = false) String modifiedAfter) {
        return api.servicesAtLocations(filter(search, organizationId, taxonomyTermId, taxonomyId, modifiedAfter),
                pageRequest(page, perPage));
    }

    @GetMapping("/service_at_locations/{id}")
    Map<String, Object> serviceAtLocation(@PathVariable String id) {
        return api.serviceAtLocation(id);
    }

    /** Writes the whole directory, or one workforce area's, as an HSDS tabular data package. */
    @GetMapping(path = "/export.zip", produces = "application/zip")
    void export(@RequestParam(required = false) String area, HttpServletResponse response) throws IOException {
        Long areaId = area == null || area.isBlank() ? null : export.areaId(area.strip());
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"onedoor-hsds" + (areaId == null ? "" : "-" + area.strip()) + ".zip\"");
        export.writeZip(areaId, response.getOutputStream());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage(), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException exception, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, exception.getMessage(), request);
        response.getBody().setProperty("errors", exception.problems().stream()
                .map(problem -> Map.of("field", problem.field(), "message", problem.message()))
                .toList());
        return response;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST,
                "Value '" + exception.getValue() + "' of '" + exception.getName() + "' is invalid. Expected a whole number.",
                request);
    }

    private static PageRequest pageRequest(Integer page, Integer perPage) {
        if (page != null && page < 1) {
            throw new InvalidInputException("page", "Page " + page + " is invalid. HSDS pages count from 1.");
        }
        if (perPage != null && (perPage < 1 || perPage > PageRequest.MAX_SIZE)) {
            throw new InvalidInputException("per_page",
                    "per_page " + perPage + " is invalid. Use 1 to " + PageRequest.MAX_SIZE + ".");
        }
        return new PageRequest(page == null ? 0 : page - 1, perPage == null ? DEFAULT_PER_PAGE : perPage);
    }

    private static ServiceFilter filter(String search, String organizationId, String taxonomyTermId, String taxonomyId,
                                        String modifiedAfter) {
        return new ServiceFilter(search, uuid("organization_id", organizationId), uuid("taxonomy_term_id", taxonomyTermId),
                uuid("taxonomy_id", taxonomyId), instant(modifiedAfter));
    }

    private static UUID uuid(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return HsdsIds.parse(value).orElseThrow(() -> new InvalidInputException(parameter,
                parameter + " '" + value + "' is invalid. Use a UUID from this API, such as an organization's id."));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException("modified_after", "modified_after '" + value
                        + "' is invalid. Use an ISO 8601 date-time with an offset, such as 2026-01-31T09:00:00Z, or a date.");
            }
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
