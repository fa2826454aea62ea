package org.onedoor.referrals.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralRejectedException;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the status of referrals along {@link StatusFlow} and moves their capacity unit with them. Each change is
 * one conditional update of the referral row ({@code WHERE status = :from AND capacity_state = :state}), so of two
 * concurrent or repeated requests only one changes the row and moves the unit; the other gets 409.
 */
@Service
public class StatusChanges {

    private static final Logger log = LoggerFactory.getLogger(StatusChanges.class);

    static final int MAX_TEXT_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final ReferralStore store;
    private final CapacityHolds capacity;
    private final ReferralNotices notices;

    StatusChanges(JdbcClient jdbc, ReferralStore store, CapacityHolds capacity, ReferralNotices notices) {
        this.jdbc = jdbc;
        this.store = store;
        this.capacity = capacity;
        this.notices = notices;
    }

    /**
     * Changes a referral's status as a staff member.
     *
     * @throws NotFoundException for an unknown referral
     * @throws AccessDeniedException when the user's partner may not make this change
     * @throws InvalidInputException for a missing or unknown reason, or a missing outcome
     * @throws ReferralRejectedException {@code invalid_transition} with {@code allowedNext}
     */
    @Transactional
    public Referral change(long referralId, ReferralStatus to, String reasonCode, String reasonText, String outcome,
                           CurrentUser user) {
        Referral current = store.find(referralId).orElseThrow(() -> NotFoundException.of("Referral", referralId));
        checkPermission(current, to, user);
        checkTransition(current, to);
        checkDetails(to, strip(reasonCode), strip(reasonText), strip(outcome));

        return transition(current, to, strip(reasonCode), strip(reasonText), strip(outcome), user.id());
    }

    /**
     * Makes a change already checked against the flow and the user: updates the row only if no other request changed it since
     * {@code current} was read, moves the capacity unit, records the change and publishes it.
     *
     * @param actorUserId {@code null} when OneDoor makes the change
     */
    Referral transition(Referral current, ReferralStatus to, String reasonCode, String reasonText, String outcome,
                        Long actorUserId) {
        String newCapacityState = capacityStateAfter(current.capacityState(), to);
        int rows = jdbc.sql("""
                        UPDATE referral SET status = :to, capacity_state = :newState, status_changed_at = now(),
                               reason_code = COALESCE(:reasonCode, reason_code),
                               reason_text = COALESCE(:reasonText, reason_text),
                               outcome = COALESCE(:outcome, outcome),
                               closed_at = CASE WHEN :closes THEN now() END
                        WHERE id = :id AND status = :from AND capacity_state = :state""")
                .param("to", to.name())
                .param("newState", newCapacityState)
                .param("reasonCode", reasonCode)
                .param("reasonText", reasonText)
                .param("outcome", outcome)
                .param("closes", to.closed())
                .param("id", current.id())
                .param("from", current.status().name())
                .param("state", current.capacityState())
                .update();
        if (rows == 0) {
            Referral now = store.find(current.id()).orElseThrow();
            throw invalidTransition(now, to, "Referral " + current.id() + " changed to " + now.status().fhirCode()
                    + " while this request ran, so it was not changed to " + to.fhirCode() + ". ");
        }

        moveCapacity(current.serviceId(), current.capacityState(), newCapacityState);
        record(current.id(), current.status(), to, reasonCode, reasonText, outcome, actorUserId);
        Referral changed = store.find(current.id()).orElseThrow();
        notices.statusChanged(changed, current.status(), actorUserId);

        log.info("Referral {} changed from {} to {} by user {}; capacity unit {} -> {}", current.id(),
                current.status().fhirCode(), to.fhirCode(), actorUserId, current.capacityState(), newCapacityState);
        return changed;
    }

    /**
     * Records the receiver's first contact with the business, once.
     *
     * @param contactedAt when the contact happened; {@code null} for now
     */
    @Transactional
    public Referral recordFirstContact(long referralId, Instant contactedAt, String note, CurrentUser user) {
        Referral current = store.find(referralId).orElseThrow(() -> NotFoundException.of("Referral", referralId));
        if (!user.isAdministrator() && !Long.valueOf(current.receivingPartnerId()).equals(user.partnerId())) {
            throw new AccessDeniedException("Only staff of " + current.receivingPartnerName()
                    + " record the first contact of referral " + referralId + ".");
        }
        Instant at = contactedAt == null ? Instant.now() : contactedAt;
        if (at.isAfter(Instant.now().plusSeconds(300))) {
            throw new InvalidInputException("contactedAt", "First contact time " + at
                    + " is in the future. Give the time the contact happened.");
        }
        if (at.isBefore(current.sentAt())) {
            throw new InvalidInputException("contactedAt", "First contact time " + at + " is before the referral was "
                    + "sent at " + current.sentAt() + ". Give the time the contact happened.");
        }
        String text = strip(note);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("note", "The note has " + text.length() + " characters. Shorten it to at "
                    + "most " + MAX_TEXT_LENGTH + ".");
        }

        int rows = jdbc.sql("""
                        UPDATE referral SET first_contact_at = :at
                        WHERE id = :id AND first_contact_at IS NULL AND closed_at IS NULL""")
                .param("at", java.sql.Timestamp.from(at))
                .param("id", referralId)
                .update();
        if (rows == 0) {
            Referral now = store.find(referralId).orElseThrow();
            throw new ReferralRejectedException("first_contact_not_allowed", now.firstContactAt() != null
                    ? "The first contact of referral " + referralId + " was already recorded at "
                            + now.firstContactAt() + "."
                    : "Referral " + referralId + " is " + now.status().fhirCode()
                            + ", so no first contact can be recorded.",
                    Map.of("status", now.status().fhirCode()));
        }

        jdbc.sql("""
                        INSERT INTO referral_status_change (referral_id, from_status, to_status, reason_code,
                                                            reason_text, changed_by, changed_at)
                        VALUES (:id, :status, :status, 'first_contact', :note, :user, :at)""")
                .param("id", referralId)
                .param("status", current.status().name())
                .param("note", text)
                .param("user", user.id())
                .param("at", java.sql.Timestamp.from(at))
                .update();
        Referral changed = store.find(referralId).orElseThrow();
        notices.firstContactRecorded(changed, user.id());
        log.info("User {} recorded the first contact of referral {}", user.id(), referralId);
        return changed;
    }

    void record(long referralId, ReferralStatus from, ReferralStatus to, String reasonCode, String reasonText,
                String outcome, Long actorUserId) {
        jdbc.sql("""
                        INSERT INTO referral_status_change (referral_id, from_status, to_status, reason_code,
                                                            reason_text, outcome, changed_by)
                        VALUES (:id, :from, :to, :reasonCode, :reasonText, :outcome, :user)""")
                .param("id", referralId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("reasonCode", reasonCode)
                .param("reasonText", reasonText)
                .param("outcome", outcome)
                .param("user", actorUserId)
                .update();
    }

    /** Checks that the user's partner makes this change: the receiver all but cancel, the sender cancel. */
    static void checkPermission(Referral referral, ReferralStatus to, CurrentUser user) {
        if (user.isAdministrator()) {
            return;
        }
        boolean receiver = StatusFlow.receiverChange(to);
        long partner = receiver ? referral.receivingPartnerId() : referral.sendingPartnerId();
        if (user.partnerId() == null || user.partnerId() != partner) {
            throw new AccessDeniedException("Only staff of " + (receiver ? referral.receivingPartnerName()
                    : referral.sendingPartnerName()) + " may set referral " + referral.id() + " to "
                    + to.fhirCode() + ".");
        }
    }

    static void checkTransition(Referral referral, ReferralStatus to) {
        if (!StatusFlow.allowed(referral.status(), to)) {
            throw invalidTransition(referral, to, "");
        }
    }

    static ReferralRejectedException invalidTransition(Referral referral, ReferralStatus to, String prefix) {
        List<String> allowed = StatusFlow.codes(StatusFlow.next(referral.status()));
        return new ReferralRejectedException("invalid_transition", prefix + "Referral " + referral.id() + " is "
                + referral.status().fhirCode() + " and cannot change to " + to.fhirCode() + ". "
                + (allowed.isEmpty() ? "It is closed, so no further change is possible."
                        : "Allowed next: " + String.join(", ", allowed) + "."),
                Map.of("currentStatus", referral.status().fhirCode(), "allowedNext", allowed));
    }

    static void checkDetails(ReferralStatus to, String reasonCode, String reasonText, String outcome) {
        List<FieldProblem> problems = new ArrayList<>();
        if (StatusFlow.needsReason(to)) {
            Map<String, String> reasons = StatusFlow.REASONS.get(to);
            if (reasonCode == null) {
                problems.add(new FieldProblem("reasonCode", "A reason code is required to set a referral to "
                        + to.fhirCode() + ". Use one of " + String.join(", ", reasons.keySet()) + "."));
            } else if (!reasons.containsKey(reasonCode)) {
                problems.add(new FieldProblem("reasonCode", "Reason code '" + reasonCode + "' is unknown for "
                        + to.fhirCode() + ". Use one of " + String.join(", ", reasons.keySet()) + "."));
            }
            if (reasonText == null) {
                problems.add(new FieldProblem("reasonText", "A reason text is required to set a referral to "
                        + to.fhirCode() + ". Explain the reason in a sentence."));
            }
        }
        if (to == ReferralStatus.COMPLETED && outcome == null) {
            problems.add(new FieldProblem("outcome", "An outcome is required to complete a referral. Describe what "
                    + "the business received, such as \"Three workers trained and certified\"."));
        }
        for (var field : new String[][] {{"reasonText", reasonText}, {"outcome", outcome}}) {
            if (field[1] != null && field[1].length() > MAX_TEXT_LENGTH) {
                problems.add(new FieldProblem(field[0], "The " + field[0] + " has " + field[1].length()
                        + " characters. Shorten it to at most " + MAX_TEXT_LENGTH + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Returns the capacity state after a change: acceptance uses the held unit, closing other than completing releases it. */
    static String capacityStateAfter(String state, ReferralStatus to) {
        return switch (to) {
            case ACCEPTED -> "HELD".equals(state) ? "USED" : state;
            case REJECTED, CANCELLED, FAILED -> "RELEASED";
            default -> state;
        };
    }

    private void moveCapacity(long serviceId, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        switch (from + ">" + to) {
            case "HELD>USED" -> capacity.use(serviceId);
            case "HELD>RELEASED" -> capacity.releaseHeld(serviceId);
            case "USED>RELEASED" -> capacity.releaseUsed(serviceId);
            default -> throw new IllegalStateException("No capacity move from " + from + " to " + to);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
