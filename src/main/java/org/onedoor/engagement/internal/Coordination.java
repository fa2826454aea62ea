package org.onedoor.engagement.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationCheck;
import org.onedoor.engagement.CoordinationRequest;
import org.onedoor.identity.CurrentUser;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination check before a partner plans a sales visit, call campaign or needs assessment, and the requests
 * it sends to the account manager, who accepts, combines or declines them.
 */
@Service
@Transactional
public class Coordination {

    private static final Logger log = LoggerFactory.getLogger(Coordination.class);
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US);

    public enum Decision { ACCEPT, COMBINE, DECLINE }

    private final JdbcClient jdbc;
    private final Businesses businesses;
    private final AccountManagers accountManagers;
    private final AreaSettings areaSettings;
    private final ContactLog contactLog;
    private final Notifications notifications;

    Coordination(JdbcClient jdbc, Businesses businesses, AccountManagers accountManagers, AreaSettings areaSettings,
                 ContactLog contactLog, Notifications notifications) {
        this.jdbc = jdbc;
        this.businesses = businesses;
        this.accountManagers = accountManagers;
        this.areaSettings = areaSettings;
        this.contactLog = contactLog;
        this.notifications = notifications;
    }

    /**
     * Lists the contacts by every partner, done or planned, less than the window before or after the planned time. The
     * window is the one of the planner's area; a planner without a partner gets the default.
     *
     * @param plannedAt when the planner means to contact the business; {@code null} means now
     */
    @Transactional(readOnly = true)
    public CoordinationCheck check(long businessId, CurrentUser planner, Instant plannedAt) {
        businesses.legalName(businessId);
        int days = planner.partnerId() == null ? AreaSettings.DEFAULT_WINDOW_DAYS
                : areaSettings.window(businesses.areaOf(planner.partnerId())).windowDays();
        Instant planned = plannedAt == null ? Instant.now() : plannedAt;
        Duration window = Duration.ofDays(days);
        Instant from = planned.minus(window);
        Instant to = planned.plus(window);

        // NOTE: pending coordination requests are not contacts yet, so a third partner's plan does not see them.
        List<ContactEntry> contacts = contactLog.inWindow(businessId, from, to, planner);
        Optional<AccountManager> manager = accountManagers.active(businessId);
        boolean plannerIsManager = manager.map(m -> m.includes(planner.id())).orElse(false);
        return new CoordinationCheck(businessId, days, from, to, contacts, manager, plannerIsManager);
    }

    /** Stores a plan as a request to the account manager and notifies the manager; the caller checked the conflict. */
    CoordinationRequest request(long businessId, AccountManager manager, CurrentUser planner, Long officeId,
                                ContactKind kind, ContactPurpose purpose, Instant plannedAt, String timeZone,
                                String summary, Long contactPersonId, CoordinationCheck check) {
        long id = jdbc.sql("""
                        INSERT INTO coordination_request (business_id, account_manager_id, partner_id, office_id,
                            requested_by, kind, purpose, planned_at, time_zone, summary, contact_person_id)
                        VALUES (:businessId, :managerId, :partnerId, :officeId, :requestedBy, :kind, :purpose,
                                :plannedAt, :timeZone, :summary, :contactPersonId)
                        RETURNING id""")
                .param("businessId", businessId)
                .param("managerId", manager.id())
                .param("partnerId", planner.partnerId())
                .param("officeId", officeId)
                .param("requestedBy", planner.id())
                .param("kind", kind.name())
                .param("purpose", purpose.name())
                .param("plannedAt", java.sql.Timestamp.from(plannedAt))
                .param("timeZone", timeZone)
                .param("summary", summary)
                .param("contactPersonId", contactPersonId)
                .query(Long.class)
                .single();
        CoordinationRequest request = find(id).orElseThrow();

        notifications.notifyUsers(manager.memberUserIds(), new Notice(
                "Request to contact " + request.businessName(),
                planner.displayName() + " of " + request.partnerName() + " plans a " + purpose.label().toLowerCase(Locale.ROOT)
                        + " (" + kind.label().toLowerCase(Locale.ROOT) + ") on "
                        + TIME_FORMAT.format(plannedAt.atZone(ZoneId.of(timeZone))) + ". The business had "
                        + check.contacts().size() + " other contacts in the " + check.windowDays() + "-day window, "
                        + "so the plan comes to you as its account manager. Accept it, combine it with your own "
                        + "planned contact, or decline it.",
                "/portfolio#coordination-requests"));
        log.info("User {} sent coordination request {} for business {} to account manager {}", planner.id(), id,
                businessId, manager.id());
        return request;
    }

    /**
     * Decides a pending request as the business's current account manager: accepting records the plan as the
     * requester's planned contact, combining adds it to one of the manager's own planned contacts, declining needs
     * a note. The requester is notified in each case.
     *
     * @throws AccessDeniedException unless the user is the business's account manager or on its team
     * @throws ConflictException when the request was already decided
     * @throws InvalidInputException for a missing decline note or an unsuitable contact to combine with
     */
    public CoordinationRequest decide(long requestId, Decision decision, String note, Long combineWithContactId,
                                      CurrentUser actor) {
        CoordinationRequest request = jdbc.sql("SELECT id FROM coordination_request WHERE id = :id FOR UPDATE")
                .param("id", requestId)
                .query(Long.class)
                .optional()
                .flatMap(this::find)
                .orElseThrow(() -> NotFoundException.of("Coordination request", requestId));
        AccountManager manager = accountManagers.active(request.businessId())
                .filter(active -> active.includes(actor.id()))
                .orElseThrow(() -> new AccessDeniedException("Only the account manager of " + request.businessName()
                        + " may decide this request."));
        if (!"PENDING".equals(request.status())) {
            throw new ConflictException("Request " + requestId + " was already decided: " + request.status()
                    + ". Nothing was changed.");
        }
        if (decision == null) {
            throw new InvalidInputException("decision", "Decision is missing. Choose ACCEPT, COMBINE or DECLINE.");
        }
        String trimmedNote = note == null ? "" : note.strip();

        Long contactId = switch (decision) {
            case ACCEPT -> contactLog.insert(new ContactLog.Row(request.businessId(), request.partnerId(),
                    officeOf(requestId), request.requestedBy(), request.kind(), request.purpose(),
                    ContactStatus.PLANNED, request.summary(), request.contactPersonId(), request.plannedAt(),
                    request.timeZone(), null, null, null, actor.id()));
            case COMBINE -> combine(request, manager, combineWithContactId, actor);
            case DECLINE -> {
                if (trimmedNote.isEmpty()) {
                    throw new InvalidInputException("note", "Note is missing. Tell the requester why the plan is "
                            + "declined, such as a visit already planned for the same need.");
                }
                yield null;
            }
        };
        String status = switch (decision) {
            case ACCEPT -> "ACCEPTED";
            case COMBINE -> "COMBINED";
            case DECLINE -> "DECLINED";
        };
        jdbc.sql("""
                        UPDATE coordination_request SET status = :status, decided_by = :actor, decided_at = now(),
                            decision_note = :note, contact_id = :contactId
                        WHERE id = :id""")
                .param("status", status)
                .param("actor", actor.id())
                .param("note", trimmedNote.isEmpty() ? null : trimmedNote)
                .param("contactId", contactId)
                .param("id", requestId)
                .update();

        notifications.notifyUsers(List.of(request.requestedBy()), new Notice(
                "Your request to contact " + request.businessName() + " was " + status.toLowerCase(Locale.ROOT),
                actor.displayName() + ", the account manager, " + switch (decision) {
                    case ACCEPT -> "accepted your plan, which is now recorded as your planned contact.";
                    case COMBINE -> "combined your plan with their own planned contact, so they raise it with the "
                            + "business.";
                    case DECLINE -> "declined your plan.";
                } + (trimmedNote.isEmpty() ? "" : " Note: " + trimmedNote),
                "/businesses/" + request.businessId()));
        log.info("User {} decided coordination request {}: {}", actor.id(), requestId, status);
        return find(requestId).orElseThrow();
    }

    private long combine(CoordinationRequest request, AccountManager manager, Long contactId, CurrentUser actor) {
        if (contactId == null) {
            throw new InvalidInputException("combineWithContactId", "Contact is missing. Choose one of your planned "
                    + "contacts with the business to combine the request with.");
        }
        ContactEntry own = contactLog.find(contactId, actor)
                .filter(contact -> contact.businessId() == request.businessId())
                .filter(contact -> contact.status() == ContactStatus.PLANNED)
                .filter(contact -> manager.includes(contact.staffUserId()))
                .orElseThrow(() -> new InvalidInputException("combineWithContactId", "Contact " + contactId
                        + " is not a planned contact of the account manager with " + request.businessName()
                        + ". Choose one of those, or accept the request instead."));
        contactLog.appendToSummary(own.id(), "\nCombined with the plan of " + request.requestedByName() + " ("
                + request.partnerName() + "): " + request.summary());
        return own.id();
    }

    private Long officeOf(long requestId) {
        return jdbc.sql("SELECT office_id FROM coordination_request WHERE id = :id")
                .param("id", requestId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Transactional(readOnly = true)
    public Optional<CoordinationRequest> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(Coordination::map).optional();
    }

    /** Lists the pending requests for businesses that the user manages, alone or on a team, oldest first. */
    @Transactional(readOnly = true)
    public List<CoordinationRequest> pendingFor(long userId) {
        return jdbc.sql(SELECT + """
                         JOIN account_manager am ON am.business_id = r.business_id AND am.ended_at IS NULL
                        WHERE r.status = 'PENDING'
                          AND (am.user_id = :userId
                               OR am.team_id IN (SELECT t.id FROM account_team t WHERE t.lead_user_id = :userId
                                                 UNION SELECT m.team_id FROM account_team_member m
                                                 WHERE m.user_id = :userId))
                        ORDER BY r.created_at, r.id""")
                .param("userId", userId)
                .query(Coordination::map)
                .list();
    }

    /** Lists a business's requests, newest first. */
    @Transactional(readOnly = true)
    public List<CoordinationRequest> forBusiness(long businessId) {
        return jdbc.sql(SELECT + " WHERE r.business_id = :businessId ORDER BY r.created_at DESC, r.id DESC LIMIT 50")
                .param("businessId", businessId)
                .query(Coordination::map)
                .list();
    }

    private static final String SELECT = """
            SELECT r.id, r.business_id, b.legal_name, r.account_manager_id, r.partner_id, p.name AS partner_name,
                   r.requested_by, u.display_name AS requested_by_name, r.kind, r.purpose, r.planned_at, r.time_zone,
                   r.summary, r.contact_person_id, r.status, r.decided_by, r.decided_at, r.decision_note, r.contact_id,
                   r.created_at
            FROM coordination_request r
            JOIN business b ON b.id = r.business_id
            JOIN partner p ON p.id = r.partner_id
            JOIN app_user u ON u.id = r.requested_by""";

    private static CoordinationRequest map(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new CoordinationRequest(row.getLong("id"), row.getLong("business_id"), row.getString("legal_name"),
                row.getLong("account_manager_id"), row.getLong("partner_id"), row.getString("partner_name"),
                row.getLong("requested_by"), row.getString("requested_by_name"),
                ContactKind.valueOf(row.getString("kind")), ContactPurpose.valueOf(row.getString("purpose")),
                row.getTimestamp("planned_at").toInstant(), row.getString("time_zone"), row.getString("summary"),
                row.getObject("contact_person_id", Long.class), row.getString("status"),
                row.getObject("decided_by", Long.class),
                row.getTimestamp("decided_at") == null ? null : row.getTimestamp("decided_at").toInstant(),
                row.getString("decision_note"), row.getObject("contact_id", Long.class),
                row.getTimestamp("created_at").toInstant());
    }
}
