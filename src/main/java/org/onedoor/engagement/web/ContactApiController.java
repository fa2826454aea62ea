package org.onedoor.engagement.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactOutcome;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationCheck;
import org.onedoor.engagement.CoordinationConflictException;
import org.onedoor.engagement.CoordinationRequest;
import org.onedoor.engagement.NewContact;
import org.onedoor.engagement.internal.ContactLog;
import org.onedoor.engagement.internal.Contacts;
import org.onedoor.engagement.internal.Coordination;
import org.onedoor.engagement.internal.Coordination.Decision;
import org.onedoor.engagement.internal.Outreach;
import org.onedoor.engagement.internal.Outreach.CampaignResult;
import org.onedoor.engagement.internal.Outreach.NewCampaign;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** JSON API for the contact log, the coordination check and its requests, and outreach campaigns. */
@RestController
@Tag(name = "Contacts", description = "Contacts with businesses, planned visits, the coordination check across "
        + "partners, and outreach campaigns")
class ContactApiController {

    static final int MAX_LIMIT = 500;

    private final ContactLog contactLog;
    private final Contacts contacts;
    private final Coordination coordination;
    private final Outreach outreach;

    ContactApiController(ContactLog contactLog, Contacts contacts, Coordination coordination, Outreach outreach) {
        this.contactLog = contactLog;
        this.contacts = contacts;
        this.coordination = coordination;
        this.outreach = outreach;
    }

    /**
     * A contact as the API returns it.
     *
     * @param occurredAtLocal the time in {@code timeZone}, ISO with offset
     * @param partnerNote present only for staff of the contact's partner
     */
    record ContactView(long id, long businessId, long partnerId, String partnerName, Long officeId, long staffUserId,
                       String staffName, ContactKind kind, ContactPurpose purpose, ContactStatus status,
                       String summary, Long contactPersonId, String contactPersonName, Instant occurredAt,
                       String occurredAtLocal, String timeZone, String partnerNote, Long campaignId,
                       String overrideReason, Instant createdAt) {

        static ContactView of(ContactEntry c) {
            return new ContactView(c.id(), c.businessId(), c.partnerId(), c.partnerName(), c.officeId(),
                    c.staffUserId(), c.staffName(), c.kind(), c.purpose(), c.status(), c.summary(),
                    c.contactPersonId(), c.contactPersonName(), c.occurredAt(),
                    c.localTime().toOffsetDateTime().toString(), c.timeZone(), c.partnerNote(), c.campaignId(),
                    c.overrideReason(), c.createdAt());
        }
    }

    record CheckView(long businessId, int windowDays, Instant from, Instant to, List<ContactView> contacts,
                     Long accountManagerId, String accountManagerName, boolean plannerIsAccountManager,
                     boolean conflicts, boolean routesToAccountManager) {

        static CheckView of(CoordinationCheck check) {
            return new CheckView(check.businessId(), check.windowDays(), check.from(), check.to(),
                    check.contacts().stream().map(ContactView::of).toList(),
                    check.accountManager().map(m -> m.id()).orElse(null),
                    check.accountManager().map(m -> m.displayName()).orElse(null), check.plannerIsAccountManager(),
                    check.conflicts(), check.routesToAccountManager());
        }
    }

    record RoutedView(CoordinationRequest request, CheckView check) {
    }

    record DecisionBody(Decision decision, String note, Long combineWithContactId) {
    }

    /** @param preview true to check the list without recording anything */
    record CampaignBody(String name, ContactKind kind, ContactPurpose purpose, String plannedAt,
                        List<Long> businessIds, List<Long> confirmedBusinessIds, Boolean preview) {
    }

    @GetMapping({"/api/v1/businesses/{id}/contacts", "/api/v1/businesses/{id}/contact-log"})
    @Operation(summary = "List a business's contacts by every partner, newest first",
            description = "limit is 1 to 500, default 100. Partner notes appear only for the reader's own partner.")
    List<ContactView> list(@PathVariable long id, @RequestParam(name = "limit", required = false) Integer limit,
                           @AuthenticationPrincipal CurrentUser user) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "Limit " + size + " is invalid. Use 1 to " + MAX_LIMIT + ".");
        }
        contacts.exists(id);
        return contactLog.forBusiness(id, user, size).stream().map(ContactView::of).toList();
    }

    @PostMapping({"/api/v1/businesses/{id}/contacts", "/api/v1/businesses/{id}/contact-log"})
    @Operation(summary = "Record a contact or plan one",
            description = "occurredAt is ISO, with an offset or as a local time in the zone of the partner's first "
                    + "office. Planning a visit, sales visit, call campaign or needs assessment runs the "
                    + "coordination check: when any partner had or planned a contact within the area's window, the "
                    + "answer is 409 with those contacts, unless overrideReason is given (recorded with the "
                    + "contact) or routeToAccountManager is true and the business has another account manager (202 "
                    + "with the request sent to them).")
    ResponseEntity<Object> record(@PathVariable long id, @RequestBody NewContact body,
                                  @AuthenticationPrincipal CurrentUser user) {
        ContactOutcome outcome = contacts.record(id, body, user);
        if (outcome instanceof ContactOutcome.RoutedToAccountManager routed) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new RoutedView(routed.request(), CheckView.of(routed.check())));
        }
        ContactEntry recorded = ((ContactOutcome.Recorded) outcome).contact();
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + id + "/contacts/" + recorded.id()))
                .body(ContactView.of(recorded));
    }

    @GetMapping({"/api/v1/businesses/{id}/contacts/{contactId}", "/api/v1/businesses/{id}/contact-log/{contactId}"})
    @Operation(summary = "Read one contact")
    ContactView one(@PathVariable long id, @PathVariable long contactId, @AuthenticationPrincipal CurrentUser user) {
        return contactLog.find(contactId, user)
                .filter(contact -> contact.businessId() == id)
                .map(ContactView::of)
                .orElseThrow(() -> org.onedoor.shared.NotFoundException.of("Contact", contactId));
    }

    record StatusBody(ContactStatus status) {
    }

    @org.springframework.web.bind.annotation.PutMapping({"/api/v1/businesses/{id}/contacts/{contactId}/status", "/api/v1/businesses/{id}/contact-log/{contactId}/status"})
    @Operation(summary = "Mark a planned contact DONE or CANCELLED (staff of the partner that planned it)")
    ContactView changeStatus(@PathVariable long id, @PathVariable long contactId, @RequestBody StatusBody body,
                             @AuthenticationPrincipal CurrentUser user) {
        return ContactView.of(contacts.changeStatus(id, contactId, body.status(), user));
    }

    @GetMapping("/api/v1/businesses/{id}/coordination-check")
    @Operation(summary = "List the contacts by every partner within the area's window around a planned time",
            description = "plannedAt is ISO with an offset, such as 2026-12-10T09:30-05:00; without it, now.")
    CheckView check(@PathVariable long id, @RequestParam(name = "plannedAt", required = false) String plannedAt,
                    @AuthenticationPrincipal CurrentUser user) {
        Instant planned = null;
        if (plannedAt != null && !plannedAt.isBlank()) {
            try {
                planned = java.time.OffsetDateTime.parse(plannedAt.strip()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("plannedAt", "Time '" + plannedAt + "' is invalid. Enter it with an "
                        + "offset, such as 2026-12-10T09:30-05:00.");
            }
        }
        return CheckView.of(coordination.check(id, user, planned));
    }

    @PostMapping("/api/v1/coordination-requests/{id}/decision")
    @Operation(summary = "Accept, combine or decline a request as the business's account manager",
            description = "COMBINE needs combineWithContactId, one of the manager's planned contacts with the "
                    + "business; DECLINE needs a note. The requester is notified.")
    CoordinationRequest decide(@PathVariable long id, @RequestBody DecisionBody body,
                               @AuthenticationPrincipal CurrentUser user) {
        return coordination.decide(id, body.decision(), body.note(), body.combineWithContactId(), user);
    }

    @PostMapping("/api/v1/outreach-campaigns")
    @Operation(summary = "Check a bulk outreach list, or create the campaign",
            description = "Each business gets the coordination check. One with contacts in the window is left out, "
                    + "with the reason, unless its id is in confirmedBusinessIds. The campaign records a planned "
                    + "contact for each business included. At most 2000 businesses per list.")
    ResponseEntity<CampaignResult> campaign(@RequestBody CampaignBody body, @AuthenticationPrincipal CurrentUser user) {
        NewCampaign campaign = new NewCampaign(body.name(), body.kind(), body.purpose(), body.plannedAt(),
                body.businessIds(), body.confirmedBusinessIds());
        if (Boolean.TRUE.equals(body.preview())) {
            return ResponseEntity.ok(outreach.preview(campaign, user));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(outreach.create(campaign, user));
    }

    /** Returns the 409 with the contacts in the window and the account manager, so the caller can decide. */
    @ExceptionHandler(CoordinationConflictException.class)
    ResponseEntity<ProblemDetail> conflict(CoordinationConflictException exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        CheckView check = CheckView.of(exception.check());
        problem.setProperty("recentContacts", check.contacts());
        problem.setProperty("windowDays", check.windowDays());
        problem.setProperty("accountManagerName", check.accountManagerName());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
