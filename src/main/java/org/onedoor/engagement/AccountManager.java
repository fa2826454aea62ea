package org.onedoor.engagement;

import java.time.Instant;
import java.util.List;

/**
 * One assignment of an account manager to a business: a person, or a team with a lead.
 *
 * @param userId the person; {@code null} for a team
 * @param teamId the team; {@code null} for a person
 * @param memberUserIds the person alone, or the team's lead and members
 * @param previousId the assignment this one replaced; {@code null} for the first
 * @param endedAt when a hand-over or a merge ended it; {@code null} while it is active
 * @param endReason why it ended when that was not a hand-over, such as a merge; {@code null} otherwise
 */
public record AccountManager(long id, long businessId, Long userId, String userName, Long teamId, String teamName,
                             Long teamLeadUserId, String teamLeadName, long partnerId, String partnerName,
                             List<Long> memberUserIds, Long previousId, String reason, long assignedBy,
                             String assignedByName, Instant assignedAt, Instant endedAt, String endReason) {

    /** Returns the person's name, or the team's name with its lead. */
    public String displayName() {
        return teamId == null ? userName : teamName + " (lead: " + teamLeadName + ")";
    }

    /** Returns true when the user is this person, or the team's lead or a member. */
    public boolean includes(long userIdToCheck) {
        return memberUserIds.contains(userIdToCheck);
    }

    /** Returns true when the user may hand this assignment over: the person, or the team's lead. */
    public boolean mayHandOver(long userIdToCheck) {
        return teamId == null ? userId == userIdToCheck : teamLeadUserId == userIdToCheck;
    }
}
