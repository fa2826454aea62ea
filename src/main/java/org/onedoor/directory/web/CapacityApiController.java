package org.onedoor.directory.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceCapacity;
import org.onedoor.directory.ServiceSummary;
import org.onedoor.directory.internal.CapacityActor;
import org.onedoor.directory.internal.CapacityEditor;
import org.onedoor.directory.internal.CapacityFigures;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.PartnerSystem;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;

/**
 * Reads and sets the live capacity of a service. Partner systems send a bearer token issued to their partner;
 * staff send HTTP Basic credentials or use their session. Only the service's own partner, and installation
 * administrators, may set its figures.
 */
@RestController
@RequestMapping("/api/v1/services/{id}/capacity")
@Tag(name = "Capacity", description = "Live capacity of services: available units, maximum, unit and freshness")
class CapacityApiController {

    private static final Duration DEFAULT_FRESHNESS = Duration.ofDays(7);

    private final Directory directory;
    private final CapacityEditor editor;

    CapacityApiController(Directory directory, CapacityEditor editor) {
        this.directory = directory;
        this.editor = editor;
    }

    @GetMapping
    @Operation(summary = "Get the capacity of a service",
            description = "Status is UNKNOWN when the service has no figures or they are older than their freshness "
                    + "limit; such a service cannot be referred to until someone confirms its figures.")
    CapacityJson capacity(@PathVariable long id) {
        directory.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        return CapacityJson.of(directory.capacity(id));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the capacity of one of your partner's services",
            description = "Replaces the unit, available units, maximum and freshness limit, and records the caller as "
                    + "the author. Units held or used by referrals stay, so available plus held plus used may not "
                    + "exceed the maximum. Send the freshness limit as an ISO 8601 duration (freshnessLimit, such as "
                    + "P7D or PT12H) or in whole hours (freshnessLimitHours), not both; without either the current "
                    + "limit stays, or 7 days for a service without figures.",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
    @ApiResponse(responseCode = "200", description = "The figures were saved")
    @ApiResponse(responseCode = "400", description = "A figure is missing or out of range; errors name each field")
    @ApiResponse(responseCode = "403", description = "The service belongs to another partner, named in the detail")
    @ApiResponse(responseCode = "404", description = "There is no service with this id")
    CapacityJson setCapacity(@PathVariable long id, @RequestBody CapacityRequest request,
                             Authentication authentication) {
        ServiceSummary service = directory.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        CapacityActor actor = actor(authentication);
        if (!actor.mayUpdate(service.partnerId())) {
            throw forbidden(service, actor);
        }

        Duration freshness = request.freshness(directory.capacity(id));
        ServiceCapacity saved = editor.set(actor, id, new CapacityFigures(request.unit(), request.available(),
                request.maximum(), freshness));
        return CapacityJson.of(saved);
    }

    /** Names the JSON property that could not be read, such as a text where a number belongs. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
        String field = exception.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()
                ? jackson.getPath().stream().map(JacksonException.Reference::getPropertyName)
                        .filter(name -> name != null).collect(Collectors.joining("."))
                : "";
        String detail = field.isEmpty()
                ? "The request body is not valid JSON. Send an object such as {\"unit\":\"SLOTS\",\"available\":4,"
                        + "\"maximum\":10,\"freshnessLimit\":\"P7D\"}."
                : "Field '" + field + "' has a value of the wrong type. Send available, maximum and freshnessLimitHours "
                        + "as whole numbers, and unit and freshnessLimit as text.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        if (!field.isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static CapacityActor actor(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PartnerSystem system) {
            return CapacityActor.of(system);
        }
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return CapacityActor.of(user);
        }
        throw new AccessDeniedException("Only staff accounts and partner systems may set capacity.");
    }

    private static ErrorResponseException forbidden(ServiceSummary service, CapacityActor actor) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Service " + service.id()
                + " (" + service.name() + ") belongs to " + service.partnerName() + ". Only " + service.partnerName()
                + "'s staff and partner systems, and installation administrators, may set its capacity.");
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        problem.setInstance(URI.create("/api/v1/services/" + service.id() + "/capacity"));
        problem.setProperty("servicePartnerId", service.partnerId());
        problem.setProperty("servicePartnerName", service.partnerName());
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    @Schema(description = "New capacity figures of a service")
    record CapacityRequest(
            @Schema(description = "What the figures count", allowableValues = {"SLOTS", "COHORT_SEATS",
                    "TRAINING_DOLLARS", "HOURS"}, example = "COHORT_SEATS") String unit,
            @Schema(description = "Units a new referral can take now, 0 or more", example = "6") Long available,
            @Schema(description = "Most units the service can take", example = "12") Long maximum,
            @Schema(description = "How long the figures stay trustworthy, as an ISO 8601 duration", example = "P7D")
            String freshnessLimit,
            @Schema(description = "The freshness limit in whole hours, instead of freshnessLimit", example = "168")
            Long freshnessLimitHours) {

        Duration freshness(ServiceCapacity current) {
            if (freshnessLimit != null && freshnessLimitHours != null) {
                throw new InvalidInputException("freshnessLimit", "Both freshnessLimit and freshnessLimitHours are set. "
                        + "Send only one of them.");
            }
            if (freshnessLimitHours != null) {
                return Duration.ofHours(freshnessLimitHours);
            }
            if (freshnessLimit != null) {
                try {
                    return Duration.parse(freshnessLimit.strip());
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("freshnessLimit", "Freshness limit '" + freshnessLimit + "' is "
                            + "invalid. Use an ISO 8601 duration such as P7D for 7 days or PT12H for 12 hours.");
                }
            }
            return current.recorded() ? current.freshnessLimit() : DEFAULT_FRESHNESS;
        }
    }

    /**
     * The capacity of a service.
     *
     * @param status AVAILABLE, FULL or UNKNOWN (no figures, or older than the freshness limit)
     * @param freshnessLimit ISO 8601 duration
     */
    record CapacityJson(long serviceId, String status, boolean referable, String unit, int available, int maximum,
                        int held, int used, Instant updatedAt, String updatedBy, String freshnessLimit,
                        Instant freshUntil) {

        static CapacityJson of(ServiceCapacity capacity) {
            return new CapacityJson(capacity.serviceId(), capacity.status().name(), capacity.referable(),
                    capacity.unit() == null ? null : capacity.unit().name(), capacity.available(), capacity.maximum(),
                    capacity.held(), capacity.used(), capacity.updatedAt(), capacity.updatedBy(),
                    capacity.freshnessLimit() == null ? null : capacity.freshnessLimit().toString(),
                    capacity.freshUntil());
        }
    }
}
