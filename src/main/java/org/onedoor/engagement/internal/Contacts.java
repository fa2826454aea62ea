package org.onedoor.engagement.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactOutcome;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationCheck;
import org.onedoor.engagement.CoordinationConflictException;
import org.onedoor.engagement.CoordinationRequest;
import org.onedoor.engagement.NewContact;
import org.onedoor.engagement.internal.Businesses.StaffOffice;
import org.onedoor.identity.CurrentUser;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records contacts with a business. A planned visit, and a planned sales visit, call campaign or needs assessment of
 * any kind, first runs the coordination check.
 */
@Service
@Transactional
public class Contacts {

    private static final Logger log = LoggerFactory.getLogger(Contacts.class);
    static final int MAX_TEXT_LENGTH = 4000;
    // A done contact may be entered a little ahead of the server's clock, such as right after a call ends.
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final Businesses businesses;
    private final ContactLog contactLog;
    private final Coordination coordination;
    private final Notifications notifications;

    Contacts(Businesses businesses, ContactLog contactLog, Coordination coordination, Notifications notifications) {
        this.businesses = businesses;
        this.contactLog = contactLog;
        this.coordination = coordination;
        this.notifications = notifications;
    }

    /**
     * Records a contact for the staff member's partner, in the zone of the partner's first office. A plan that the
     * coordination check stops is recorded with an override reason, sent to the account manager when the caller
     * allows it and the planner is not the manager, or rejected.
     *
     * @throws CoordinationConflictException when other contacts fall in the window and the plan was neither
     *                                       overridden nor routed
     * @throws InvalidInputException naming each invalid field
     * @throws AccessDeniedException for a user without a partner
     */
    public ContactOutcome record(long businessId, NewContact contact, CurrentUser actor) {
        String businessName = businesses.legalName(businessId);
        if (actor.partnerId() == null) {
            throw new AccessDeniedException("Only partner staff record contacts, because each contact belongs to a "
                    + "partner. Sign in with a partner account.");
        }
        StaffOffice office = businesses.officeOf(actor.partnerId()).orElse(null);
        String zoneName = office == null ? Businesses.ZONE_WITHOUT_OFFICE : office.timeZone();
        Checked checked = check(businessId, contact, ZoneId.of(zoneName));

        String givenReason = blankToNull(contact.overrideReason());
        // The reason is stored only when it overrode a conflict, so the log shows real overrides only.
        String overrideReason = null;
        if (checked.status() == ContactStatus.PLANNED && needsCoordination(contact)) {
            CoordinationCheck check = coordination.check(businessId, actor, checked.occurredAt());
            if (check.conflicts() && givenReason == null) {
                if (Boolean.TRUE.equals(contact.routeToAccountManager()) && check.routesToAccountManager()) {
                    CoordinationRequest request = coordination.request(businessId, check.accountManager().orElseThrow(),
                            actor, office == null ? null : office.id(), contact.kind(), contact.purpose(),
                            checked.occurredAt(), zoneName, checked.summary(), contact.contactPersonId(), check);
                    return new ContactOutcome.RoutedToAccountManager(request, check);
                }
                throw new CoordinationConflictException(conflictMessage(businessName, check), check);
            }
            if (check.conflicts()) {
                overrideReason = givenReason;
                check.accountManager()
                        .filter(manager -> !check.plannerIsAccountManager())
                        .ifPresent(manager -> notifyOverride(manager, businessId, businessName, actor, givenReason));
            }
        }

        long id = contactLog.insert(new ContactLog.Row(businessId, actor.partnerId(), office == null ? null : office.id(),
                actor.id(), contact.kind(), contact.purpose(), checked.status(), checked.summary(),
                contact.contactPersonId(), checked.occurredAt(), zoneName, blankToNull(contact.partnerNote()), null,
                overrideReason, actor.id()));
        log.info("User {} recorded {} contact {} with business {}{}", actor.id(), checked.status(), id, businessId,
                overrideReason == null ? "" : ", overriding the coordination check");
        return new ContactOutcome.Recorded(contactLog.find(id, actor).orElseThrow());
    }

    /**
     * Marks a planned contact done or cancelled. Only staff of the partner that planned it may change it.
     *
     * @throws org.onedoor.shared.NotFoundException for a contact of another business, or an unknown one
     * @throws org.onedoor.shared.ConflictException when the contact is no longer planned
     * @throws InvalidInputException for a status other than DONE or CANCELLED
     */
    public ContactEntry changeStatus(long businessId, long contactId, ContactStatus status, CurrentUser actor) {
        ContactEntry contact = contactLog.find(contactId, actor)
                .filter(found -> found.businessId() == businessId)
                .orElseThrow(() -> org.onedoor.shared.NotFoundException.of("Contact", contactId));
        if (status != ContactStatus.DONE && status != ContactStatus.CANCELLED) {
            throw new InvalidInputException("status", "Status " + status + " is invalid here. Mark a planned contact "
                    + "DONE or CANCELLED.");
        }
        if (actor.partnerId() == null || actor.partnerId() != contact.partnerId()) {
            throw new AccessDeniedException("Only staff of " + contact.partnerName() + " may change its planned "
                    + "contact.");
        }
        if (contact.status() != ContactStatus.PLANNED) {
            throw new org.onedoor.shared.ConflictException("Contact " + contactId + " is " + contact.status().label()
                    .toLowerCase(Locale.ROOT) + ", not planned, so its status cannot change.");
        }

        contactLog.changeStatus(contactId, status);
        log.info("User {} marked planned contact {} of business {} {}", actor.id(), contactId, businessId, status);
        return contactLog.find(contactId, actor).orElseThrow();
    }

    /**
     * Checks that the business exists and was not merged.
     *
     * @throws org.onedoor.shared.NotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public void exists(long businessId) {
        businesses.legalName(businessId);
    }

    /** Returns true for the plans the coordination check covers: any visit, and the coordinated purposes. */
    static boolean needsCoordination(NewContact contact) {
        return contact.kind() == ContactKind.VISIT || contact.purpose().coordinated();
    }

    private record Checked(ContactStatus status, String summary, java.time.Instant occurredAt) {
    }

    private Checked check(long businessId, NewContact contact, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        if (contact.kind() == null) {
            problems.add(new FieldProblem("kind", "Kind is missing. Choose CALL, EMAIL, VISIT, EVENT or MEETING."));
        }
        if (contact.purpose() == null) {
            problems.add(new FieldProblem("purpose", "Purpose is missing. Choose why the business is contacted, such as "
                    + "SALES_VISIT or FOLLOW_UP."));
        }
        String summary = contact.summary() == null ? "" : contact.summary().strip();
        if (summary.isEmpty()) {
            problems.add(new FieldProblem("summary", "Summary is missing. Say what was discussed or what is planned."));
        }

        checkLength(problems, "summary", summary);
        checkLength(problems, "partnerNote", contact.partnerNote());
        checkLength(problems, "overrideReason", contact.overrideReason());
        if (contact.contactPersonId() != null && !businesses.hasContactPerson(businessId, contact.contactPersonId())) {
            problems.add(new FieldProblem("contactPersonId", "Contact person " + contact.contactPersonId()
                    + " is not a contact of business " + businessId + ". Choose one from its profile, or add the "
                    + "person to the profile first."));
        }

        ContactStatus status = contact.status() == null ? ContactStatus.DONE : contact.status();
        if (status == ContactStatus.CANCELLED) {
            problems.add(new FieldProblem("status", "Status CANCELLED is invalid for a new contact. Record it as DONE "
                    + "or PLANNED, and cancel a planned contact later."));
        }

        Instant occurredAt = null;
        if (contact.occurredAt() == null || contact.occurredAt().isBlank()) {
            if (status == ContactStatus.PLANNED) {
                problems.add(new FieldProblem("occurredAt", "Time is missing. Enter when the contact is planned."));
            } else {
                occurredAt = Instant.now();
            }
        } else {
            try {
                occurredAt = ContactTimes.parse(contact.occurredAt(), zone, "occurredAt");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (occurredAt != null && status == ContactStatus.DONE && occurredAt.isAfter(Instant.now().plus(CLOCK_TOLERANCE))) {
            problems.add(new FieldProblem("occurredAt", "Time " + contact.occurredAt() + " is in the future, but the "
                    + "contact is marked done. Record it as PLANNED, or enter when it happened."));
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(status, summary, occurredAt);
    }

    private static void checkLength(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.strip().length() > MAX_TEXT_LENGTH) {
            problems.add(new FieldProblem(field, "Field " + field + " is " + value.strip().length()
                    + " characters long. Shorten it to " + MAX_TEXT_LENGTH + " characters or fewer."));
        }
    }

    private void notifyOverride(AccountManager manager, long businessId, String businessName, CurrentUser actor,
                                String reason) {
        notifications.notifyUsers(manager.memberUserIds(), new Notice(
                actor.displayName() + " planned a contact with " + businessName + " despite recent contacts",
                "The coordination check found other contacts in the window, and " + actor.displayName()
                        + " recorded the plan anyway. Reason: " + reason,
                "/businesses/" + businessId));
    }

    static String conflictMessage(String businessName, CoordinationCheck check) {
        String manager = check.accountManager()
                .map(m -> " Send the plan to the account manager, " + m.displayName() + ", as a request, or give a "
                        + "reason to override.")
                .orElse(" Give a reason to override, such as an urgent layoff response.");
        return businessName + " has " + check.contacts().size() + (check.contacts().size() == 1 ? " contact" : " contacts")
                + " by partners within the " + check.windowDays() + "-day coordination window, such as "
                + describe(check.contacts().get(0)) + "." + manager;
    }

    static String describe(ContactEntry contact) {
        return contact.status().label().toLowerCase(Locale.ROOT) + " " + contact.kind().label().toLowerCase(Locale.ROOT)
                + " by " + contact.partnerName() + " on " + Coordination.TIME_FORMAT.format(contact.localTime());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
