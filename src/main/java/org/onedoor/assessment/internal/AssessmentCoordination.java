package org.onedoor.assessment.internal;

import java.util.List;
import java.util.Locale;

import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactOutcome;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationCheck;
import org.onedoor.engagement.Engagement;
import org.onedoor.engagement.NewContact;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Runs the engagement coordination check before a new needs assessment, because a business should not be assessed
 * by one partner right after another partner contacted it. Only contacts by other partners count: the walk-in
 * contact that the assessing partner just logged is no reason to stop.
 */
@Component
public class AssessmentCoordination {

    private final Engagement engagement;

    AssessmentCoordination(Engagement engagement) {
        this.engagement = engagement;
    }

    /** The check, with only the contacts of partners other than the planner's. */
    public record Result(CoordinationCheck check, List<ContactEntry> otherPartnerContacts) {

        /** Returns true when the assessment needs an override reason, or goes to the account manager instead. */
        public boolean conflicts() {
            return !otherPartnerContacts.isEmpty() && !check.plannerIsAccountManager();
        }

        /** Returns true when the business has an account manager who is not the planner, to send the plan to. */
        public boolean routesToAccountManager() {
            return conflicts() && check.accountManager().isPresent();
        }
    }

    /** Runs the check for an assessment starting now. */
    public Result check(long businessId, CurrentUser planner) {
        CoordinationCheck check = engagement.coordinationCheck(businessId, planner, null);
        List<ContactEntry> others = check.contacts().stream()
                .filter(contact -> planner.partnerId() == null || contact.partnerId() != planner.partnerId())
                .toList();
        return new Result(check, others);
    }

    /**
     * Sends a planned needs assessment to the business's account manager as a request, as engagement does for a
     * planned visit.
     *
     * @param plannedAt an ISO local date-time in the zone of the planner's office
     * @throws InvalidInputException naming each invalid field, such as a missing time
     * @throws org.onedoor.engagement.CoordinationConflictException when the business has no account manager to send
     *                                                              it to
     */
    public ContactOutcome routeToAccountManager(long businessId, String plannedAt, String summary,
                                                CurrentUser planner) {
        String text = summary == null || summary.isBlank() ? "Shared needs assessment" : summary;
        return engagement.recordContact(businessId, new NewContact(ContactKind.MEETING,
                ContactPurpose.NEEDS_ASSESSMENT, ContactStatus.PLANNED, text, null, plannedAt, null, null, true),
                planner);
    }

    /** Builds the 409 message: how many contacts by other partners, the first of them, and the two ways on. */
    static String conflictMessage(String businessName, Result result) {
        ContactEntry first = result.otherPartnerContacts().get(0);
        int count = result.otherPartnerContacts().size();
        String ways = result.check().accountManager()
                .map(manager -> " Send the planned assessment to the account manager, " + manager.displayName()
                        + ", as a request, or give a reason to override.")
                .orElse(" Give a reason to override, such as a layoff response that cannot wait.");
        return businessName + " has " + count + (count == 1 ? " contact" : " contacts") + " by other partners within "
                + "the " + result.check().windowDays() + "-day coordination window, such as the "
                + first.status().label().toLowerCase(Locale.ROOT) + " " + first.kind().label().toLowerCase(Locale.ROOT)
                + " by " + first.partnerName() + "." + ways;
    }
}
