package org.onedoor.webhooks.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.PartnerSystem;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.onedoor.webhooks.internal.Delivery;
import org.onedoor.webhooks.internal.DeliveryLog;
import org.onedoor.webhooks.internal.RegisteredWebhook;
import org.onedoor.webhooks.internal.Webhook;
import org.onedoor.webhooks.internal.WebhookActor;
import org.onedoor.webhooks.internal.WebhookInput;
import org.onedoor.webhooks.internal.WebhookRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Webhooks of partner systems and their delivery logs. Partner administrators and the partner's systems (with
 * its API token) manage the partner's own webhooks; installation administrators manage every partner's.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Referral events sent to partner systems, signed with HMAC-SHA256")
class WebhookApiController {

    private final WebhookRegistry registry;
    private final DeliveryLog deliveries;

    WebhookApiController(WebhookRegistry registry, DeliveryLog deliveries) {
        this.registry = registry;
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(summary = "List webhooks", description = "Returns your partner's webhooks. Installation "
            + "administrators get every partner's, or one partner's with partnerId.")
    List<WebhookJson> list(@RequestParam(name = "partnerId", required = false) Long partnerId,
                           Authentication authentication) {
        return registry.list(actor(authentication), partnerId).stream().map(WebhookJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a webhook", description = "The signing secret is never returned here.")
    WebhookJson get(@PathVariable long id, Authentication authentication) {
        return WebhookJson.of(registry.find(actor(authentication), id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a webhook", description = "Creates a webhook with a new signing secret, "
            + "returned in this response only. Partner administrators and partner systems may leave out partnerId "
            + "and get a webhook of their own partner.")
    @ApiResponse(responseCode = "201", description = "The webhook, with its secret")
    @ApiResponse(responseCode = "400", description = "The URL or event types are invalid; errors name each field")
    ResponseEntity<WebhookJson> register(@RequestBody NewWebhookRequest request, Authentication authentication) {
        WebhookActor actor = actor(authentication);
        Long partnerId = request.partnerId() != null ? request.partnerId() : actor.partnerId();
        if (partnerId == null) {
            throw new InvalidInputException("partnerId", "Partner id is missing. An installation administrator "
                    + "names the partner whose systems receive the events, as partnerId.");
        }
        RegisteredWebhook registered = registry.register(actor, partnerId,
                new WebhookInput(request.url(), request.eventTypes(), request.active()));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + registered.webhook().id()))
                .body(WebhookJson.of(registered));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a webhook", description = "Replaces the URL and event types. Without active, the "
            + "webhook stays active or inactive as it was. Deliveries of an inactive webhook wait until it is active "
            + "again.")
    WebhookJson update(@PathVariable long id, @RequestBody WebhookRequest request, Authentication authentication) {
        return WebhookJson.of(registry.update(actor(authentication), id,
                new WebhookInput(request.url(), request.eventTypes(), request.active())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a webhook", description = "Deletes the webhook and its delivery log. Pending "
            + "deliveries are not sent.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication authentication) {
        registry.delete(actor(authentication), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Rotate the signing secret", description = "Replaces the secret and returns the new one, "
            + "in this response only. Every delivery sent from now on, retries included, uses the new secret.")
    WebhookJson rotateSecret(@PathVariable long id, Authentication authentication) {
        return WebhookJson.of(registry.rotateSecret(actor(authentication), id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "List the deliveries of a webhook", description = "Newest first, each with every attempt: "
            + "time, duration, HTTP status or error, and who asked for a resend.")
    ResultPage<Delivery> deliveries(@PathVariable long id,
                                    @RequestParam(name = "page", required = false) Integer page,
                                    @RequestParam(name = "size", required = false) Integer size,
                                    Authentication authentication) {
        return deliveries.list(actor(authentication), id, PageRequest.of(page, size));
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "Get one delivery of a webhook with its attempts")
    Delivery delivery(@PathVariable long id, @PathVariable long deliveryId, Authentication authentication) {
        return deliveries.find(actor(authentication), id, deliveryId);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    @Operation(summary = "Resend a delivery", description = "Queues the delivery to be sent again at once, with the "
            + "same body and Idempotency-Key and a fresh allowance of retries.")
    @ApiResponse(responseCode = "202", description = "Queued; the attempt appears in the delivery log")
    @ApiResponse(responseCode = "409", description = "The delivery is being sent right now")
    ResponseEntity<Delivery> resend(@PathVariable long id, @PathVariable long deliveryId,
                                    Authentication authentication) {
        return ResponseEntity.accepted().body(deliveries.resend(actor(authentication), id, deliveryId));
    }

    /** Returns 403 with the reason, such as the partner that owns the webhook. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage() + ".");
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static WebhookActor actor(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PartnerSystem system) {
            return WebhookActor.of(system);
        }
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return WebhookActor.of(user);
        }
        throw new AccessDeniedException("Only administrators and partner systems manage webhooks");
    }

    @Schema(description = "A new webhook")
    record NewWebhookRequest(
            @Schema(description = "The partner whose events are sent; by default the caller's own", example = "12")
            Long partnerId,
            @Schema(description = "The http or https address that receives the events",
                    example = "https://cases.example.org/onedoor/events") String url,
            @Schema(description = "Event types to send", example = "[\"referral.sent\", \"referral.status_changed\"]")
            List<String> eventTypes,
            @Schema(description = "Whether events are sent; true when left out", example = "true") Boolean active) {
    }

    @Schema(description = "The new settings of a webhook")
    record WebhookRequest(
            @Schema(description = "The http or https address that receives the events",
                    example = "https://cases.example.org/onedoor/events") String url,
            @Schema(description = "Event types to send", example = "[\"referral.sent\"]") List<String> eventTypes,
            @Schema(description = "Whether events are sent; unchanged when left out", example = "false")
            Boolean active) {
    }

    /**
     * A webhook.
     *
     * @param secret the signing secret, present only in the response that created or rotated it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookJson(long id, long partnerId, String partnerName, String url, List<String> eventTypes,
                       boolean active, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                       Instant secretRotatedAt, String secret) {

        static WebhookJson of(Webhook webhook) {
            return new WebhookJson(webhook.id(), webhook.partnerId(), webhook.partnerName(), webhook.url(),
                    webhook.eventTypes(), webhook.active(), webhook.createdAt(), webhook.createdBy(),
                    webhook.updatedAt(), webhook.updatedBy(), webhook.secretRotatedAt(), null);
        }

        static WebhookJson of(RegisteredWebhook registered) {
            Webhook webhook = registered.webhook();
            return new WebhookJson(webhook.id(), webhook.partnerId(), webhook.partnerName(), webhook.url(),
                    webhook.eventTypes(), webhook.active(), webhook.createdAt(), webhook.createdBy(),
                    webhook.updatedAt(), webhook.updatedBy(), webhook.secretRotatedAt(), registered.secret());
        }
    }
}
