package org.onedoor.referrals.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.referrals.Referrals;
import org.onedoor.referrals.deadlines.ReferralDeadlines;
import org.onedoor.referrals.SendRequest;
import org.onedoor.referrals.WaitingListEntry;
import org.onedoor.referrals.internal.StatusFlow;
import org.onedoor.referrals.internal.WaitingList;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The referral API: send, read with the timeline, change status, record first contact, the lists of each side,
 * search, and the waiting lists. A rejected send or change returns 409 problem details with {@code code}.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "Referrals of businesses between partners, with FHIR Task status codes")
class ReferralApiController {

    private final Referrals referrals;
    private final WaitingList waitingList;
    private final ReferralDeadlines deadlines;

    ReferralApiController(Referrals referrals, WaitingList waitingList, ReferralDeadlines deadlines) {
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.deadlines = deadlines;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a referral",
            description = "Checks, in this order, the area's quality standard (409 incomplete, listing the missing "
                    + "elements), eligibility (409 not_eligible with failedRules, or missing_facts), another partner "
                    + "active on the same category and need (409 conflict naming activeReferral, unless "
                    + "handOffFromReferralId closes it) and capacity (409 no_capacity or capacity_stale). "
                    + "On success the referral is requested and holds one unit of the service's capacity.")
    ResponseEntity<ReferralJson> send(@RequestBody SendRequest request, @AuthenticationPrincipal CurrentUser user) {
        Referral referral = referrals.send(request, user);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
                .body(detail(referral, user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a referral with its timeline")
    ReferralJson referral(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Referral referral = referrals.find(id, user).orElseThrow(() -> NotFoundException.of("Referral", id));
        return detail(referral, user);
    }

    /** @param status a FHIR Task status code such as {@code accepted} */
    record StatusRequest(String status, String reasonCode, String reasonText, String outcome) {
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the status of a referral",
            description = "The receiving partner's staff set received, accepted, rejected, in-progress, on-hold, "
                    + "completed and failed; the sending partner's staff cancel. Rejected, failed and cancelled need "
                    + "a reasonCode from the documented list and a reasonText; completed needs an outcome. A change "
                    + "the current status does not allow returns 409 invalid_transition with allowedNext.")
    ReferralJson changeStatus(@PathVariable long id, @RequestBody StatusRequest request,
                              @AuthenticationPrincipal CurrentUser user) {
        String codes = String.join(", ", StatusFlow.codes(java.util.EnumSet.allOf(ReferralStatus.class)));
        if (request.status() == null || request.status().isBlank()) {
            throw new InvalidInputException("status", "status is missing. Send one of " + codes + ".");
        }
        ReferralStatus to = StatusFlow.parse(request.status()).orElseThrow(() -> new InvalidInputException("status",
                "Status '" + request.status() + "' is unknown. Use one of " + codes + "."));
        Referral changed = referrals.changeStatus(id, to, request.reasonCode(), request.reasonText(),
                request.outcome(), user);
        return detail(changed, user);
    }

    /** @param contactedAt when the contact happened, as an ISO 8601 instant; now when left out */
    record FirstContactRequest(Instant contactedAt, String note) {
    }

    @PostMapping(path = "/{id}/first-contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the receiving partner's first contact with the business, once")
    ReferralJson firstContact(@PathVariable long id, @RequestBody(required = false) FirstContactRequest request,
                              @AuthenticationPrincipal CurrentUser user) {
        FirstContactRequest body = request == null ? new FirstContactRequest(null, null) : request;
        Referral changed = referrals.recordFirstContact(id, body.contactedAt(), body.note(), user);
        return detail(changed, user);
    }

    @GetMapping
    @Operation(summary = "Search all referrals, closed ones included, newest first",
            description = "q matches the business, service and partner names, or a referral id; status is a FHIR "
                    + "Task status code.")
    ResultPage<ReferralJson> search(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @AuthenticationPrincipal CurrentUser user) {
        ReferralStatus wanted = parseStatusFilter(status);
        ResultPage<Referral> found = referrals.search(q, wanted, PageRequest.of(page, size), user);
        return new ResultPage<>(found.items().stream().map(r -> ReferralJson.of(r, null)).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping("/inbox")
    @Operation(summary = "List the open referrals sent to your partner, oldest first")
    List<ReferralJson> inbox(@AuthenticationPrincipal CurrentUser user) {
        return referrals.inbox(partnerOf(user)).stream().map(r -> ReferralJson.of(r, null)).toList();
    }

    @GetMapping("/sent")
    @Operation(summary = "List the open referrals your partner sent, those awaiting a response first")
    List<ReferralJson> sent(@AuthenticationPrincipal CurrentUser user) {
        return referrals.sent(partnerOf(user)).stream().map(r -> ReferralJson.of(r, null)).toList();
    }

    record WaitingListRequest(Long businessId, Long serviceId, String needCode, String note) {
    }

    @PostMapping(path = "/waiting-list", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a business to a service's waiting list",
            description = "For a service that rejected a referral with no_capacity or capacity_stale. A business "
                    + "waits at most once per service (409 otherwise).")
    WaitingListEntry addToWaitingList(@RequestBody WaitingListRequest request,
                                      @AuthenticationPrincipal CurrentUser user) {
        return waitingList.add(request.businessId(), request.serviceId(), request.needCode(), request.note(), user);
    }

    @GetMapping("/waiting-list")
    @Operation(summary = "List the waiting list of your partner's services, longest waiting first")
    List<WaitingListEntry> waitingList(@AuthenticationPrincipal CurrentUser user) {
        return waitingList.ofPartner(partnerOf(user));
    }

    static ReferralStatus parseStatusFilter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return StatusFlow.parse(status).orElseThrow(() -> new InvalidInputException("status", "Status '" + status
                + "' is unknown. Use one of " + String.join(", ",
                StatusFlow.codes(java.util.EnumSet.allOf(ReferralStatus.class))) + ", or leave it out."));
    }

    private static long partnerOf(CurrentUser user) {
        if (user.partnerId() == null) {
            throw new AccessDeniedException("This account has no partner, so it has no inbox or sent list. Use "
                    + "the search instead.");
        }
        return user.partnerId();
    }

    /** Returns the referral with its timeline and deadlines, as the single-referral endpoints return it. */
    private ReferralJson detail(Referral referral, CurrentUser user) {
        return ReferralJson.of(referral, referrals.history(referral.id(), user), deadlines.of(referral.id()));
    }
}
