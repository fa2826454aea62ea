package org.onedoor.referrals.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.referrals.internal.StatusFlow;

/** The status changes a user may make on a referral now, as the referral page and the inbox offer them. */
final class ReferralActions {

    /**
     * One action button or form.
     *
     * @param reasons the reason codes and labels to choose from; empty when the change needs no reason
     */
    record Action(String status, String label, Map<String, String> reasons, boolean needsOutcome) {
    }

    private ReferralActions() {
    }

    static List<Action> of(Referral referral, CurrentUser user) {
        List<Action> actions = new ArrayList<>();
        for (ReferralStatus to : StatusFlow.next(referral.status())) {
            if (allowed(referral, to, user)) {
                actions.add(new Action(to.fhirCode(), label(referral.status(), to),
                        StatusFlow.REASONS.getOrDefault(to, Map.of()), to == ReferralStatus.COMPLETED));
            }
        }
        return actions;
    }

    static boolean allowed(Referral referral, ReferralStatus to, CurrentUser user) {
        if (user == null) {
            return false;
        }
        if (user.isAdministrator()) {
            return true;
        }
        long partner = StatusFlow.receiverChange(to) ? referral.receivingPartnerId() : referral.sendingPartnerId();
        return user.partnerId() != null && user.partnerId() == partner;
    }

    /** Tells whether the user may record the first contact now: the receiver, once, while the referral is open. */
    static boolean mayRecordFirstContact(Referral referral, CurrentUser user) {
        return user != null && !referral.status().closed() && referral.firstContactAt() == null
                && (user.isAdministrator() || Long.valueOf(referral.receivingPartnerId()).equals(user.partnerId()));
    }

    private static String label(ReferralStatus from, ReferralStatus to) {
        return switch (to) {
            case RECEIVED -> "Mark as received";
            case ACCEPTED -> "Accept";
            case REJECTED -> "Decline";
            case IN_PROGRESS -> from == ReferralStatus.ON_HOLD ? "Resume work" : "Start work";
            case ON_HOLD -> "Put on hold";
            case COMPLETED -> "Complete";
            case FAILED -> "Mark as failed";
            case CANCELLED -> "Cancel referral";
            case REQUESTED -> "Request";
        };
    }
}
