package org.onedoor.referrals.internal;

import static org.onedoor.referrals.ReferralStatus.ACCEPTED;
import static org.onedoor.referrals.ReferralStatus.CANCELLED;
import static org.onedoor.referrals.ReferralStatus.COMPLETED;
import static org.onedoor.referrals.ReferralStatus.FAILED;
import static org.onedoor.referrals.ReferralStatus.IN_PROGRESS;
import static org.onedoor.referrals.ReferralStatus.ON_HOLD;
import static org.onedoor.referrals.ReferralStatus.RECEIVED;
import static org.onedoor.referrals.ReferralStatus.REJECTED;
import static org.onedoor.referrals.ReferralStatus.REQUESTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onedoor.referrals.ReferralStatus;

/**
 * The status changes staff may make, and the reason codes of the closing statuses. Expiry is not in the table:
 * only OneDoor moves an unanswered referral (requested or received) to failed with reason {@code expired}.
 */
public final class StatusFlow {

    private static final Map<ReferralStatus, EnumSet<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(REQUESTED, EnumSet.of(RECEIVED, ACCEPTED, REJECTED, CANCELLED));
        NEXT.put(RECEIVED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, CANCELLED, FAILED));
        NEXT.put(IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED, CANCELLED));
        NEXT.put(ON_HOLD, EnumSet.of(IN_PROGRESS, FAILED, CANCELLED));
        for (ReferralStatus closed : List.of(REJECTED, COMPLETED, FAILED, CANCELLED)) {
            NEXT.put(closed, EnumSet.noneOf(ReferralStatus.class));
        }
    }

    /** Reason code given by OneDoor when a referral expires unanswered. */
    public static final String EXPIRED = "expired";

    /** Reason code of a referral cancelled because a hand-off to another partner replaced it. */
    public static final String HANDED_OFF = "handed_off";

    /** The reason codes each closing status accepts from staff, with their labels, in the order forms list them. */
    public static final Map<ReferralStatus, Map<String, String>> REASONS = Map.of(
            REJECTED, ordered(
                    "not_eligible", "The business is not eligible after review",
                    "no_capacity", "No capacity to serve the business now",
                    "outside_service_area", "The business is outside the service area",
                    "business_declined", "The business declined the service",
                    "duplicate", "The business already has this service",
                    "other", "Other reason (explain in the text)"),
            CANCELLED, ordered(
                    "business_withdrew", "The business withdrew its request",
                    "sent_in_error", "Sent in error",
                    HANDED_OFF, "Handed off to another partner",
                    "other", "Other reason (explain in the text)"),
            FAILED, ordered(
                    "business_unreachable", "The business could not be reached",
                    "business_withdrew", "The business stopped taking part",
                    "service_ended", "The service ended or lost its funding",
                    "other", "Other reason (explain in the text)"));

    /** Statuses that the receiving partner sets; the sender may only cancel. */
    private static final Set<ReferralStatus> RECEIVER_STATUSES =
            EnumSet.of(RECEIVED, ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, COMPLETED, FAILED);

    private StatusFlow() {
    }

    /** Returns the statuses staff may move a referral to from the given one; empty for a closed referral. */
    public static Set<ReferralStatus> next(ReferralStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    public static boolean allowed(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Tells whether the receiving side makes this change; otherwise the sending side does (cancel). */
    public static boolean receiverChange(ReferralStatus to) {
        return RECEIVER_STATUSES.contains(to);
    }

    /** Tells whether the change needs a reason code and text: rejected, failed and cancelled do. */
    public static boolean needsReason(ReferralStatus to) {
        return REASONS.containsKey(to);
    }

    public static Optional<String> reasonLabel(ReferralStatus to, String code) {
        if (EXPIRED.equals(code)) {
            return Optional.of("No response before the time limit");
        }
        return Optional.ofNullable(REASONS.getOrDefault(to, Map.of()).get(code));
    }

    /** Returns the FHIR codes of the statuses, such as {@code [received, accepted]}, for messages and the API. */
    public static List<String> codes(Set<ReferralStatus> statuses) {
        return statuses.stream().map(ReferralStatus::fhirCode).toList();
    }

    /** Reads a status given as its FHIR code ({@code in-progress}) or its enum name ({@code IN_PROGRESS}). */
    public static Optional<ReferralStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        for (ReferralStatus status : ReferralStatus.values()) {
            if (status.fhirCode().equalsIgnoreCase(trimmed) || status.name().equalsIgnoreCase(trimmed)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
