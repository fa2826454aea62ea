package org.onedoor.engagement.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onedoor.businesses.BusinessesMergeUndone;
import org.onedoor.businesses.BusinessesMerged;
import org.onedoor.businesses.MergeParticipant;
import org.onedoor.businesses.MergedRows;
import org.onedoor.engagement.AccountManager;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged business's engagement rows to the survivor, in the merge's transaction: account manager
 * assignments, the concierge choice, contacts and planned visits (campaign recipients among them), coordination
 * requests and campaign exclusions. A business has one active account manager, one concierge choice and one
 * exclusion per campaign, so where both businesses have one, the survivor's stays and the other's ends or is removed.
 */
@Component
class EngagementMergeMoves implements MergeParticipant {

    private static final Logger log = LoggerFactory.getLogger(EngagementMergeMoves.class);

    private static final String OTHER_ACTIVE_MANAGER = "t.business_id = :otherId AND t.ended_at IS NULL AND EXISTS ("
            + "SELECT 1 FROM account_manager s WHERE s.business_id = :survivorId AND s.ended_at IS NULL)";
    private static final String OTHER_CONCIERGE = "t.business_id = :otherId AND EXISTS ("
            + "SELECT 1 FROM business_concierge s WHERE s.business_id = :survivorId)";
    private static final String OTHER_EXCLUSION = "t.business_id = :otherId AND EXISTS ("
            + "SELECT 1 FROM outreach_exclusion s WHERE s.business_id = :survivorId AND s.campaign_id = t.campaign_id)";

    private final JdbcClient jdbc;
    private final MergedRows mergedRows;
    private final AccountManagers accountManagers;
    private final Notifications notifications;

    EngagementMergeMoves(JdbcClient jdbc, MergedRows mergedRows, AccountManagers accountManagers,
                         Notifications notifications) {
        this.jdbc = jdbc;
        this.mergedRows = mergedRows;
        this.accountManagers = accountManagers;
        this.notifications = notifications;
    }

    @EventListener
    void on(BusinessesMerged merge) {
        Optional<AccountManager> survivorManager = accountManagers.active(merge.survivorId());
        Optional<AccountManager> otherManager = accountManagers.active(merge.otherId());
        MergedRows.Recorder recorder = mergedRows.recorder(merge, "engagement");

        recorder.change("account_manager", "ENDED", "business_id = :survivorId, ended_at = now(), ended_by = :userId, "
                + "end_reason = 'Ended by merge ' || :mergeId || ': business ' || :otherId || ' was merged into "
                + "business ' || :survivorId || ', which kept its own account manager'", OTHER_ACTIVE_MANAGER);
        recorder.move("account_manager", "t.business_id = :otherId");
        recorder.remove("business_concierge", OTHER_CONCIERGE);
        recorder.move("business_concierge", "t.business_id = :otherId");
        recorder.move("contact_log", "t.business_id = :otherId");
        // NOTE: a pending coordination request keeps naming the assignment it was sent to, even when the merge ended
        // that assignment, so the survivor's account manager does not see it in their queue.
        recorder.move("coordination_request", "t.business_id = :otherId");
        recorder.remove("outreach_exclusion", OTHER_EXCLUSION);
        recorder.move("outreach_exclusion", "t.business_id = :otherId");

        otherManager.ifPresent(other -> notifyOfMerge(merge, survivorManager, other));
    }

    @EventListener
    void on(BusinessesMergeUndone undone) {
        Set<Long> assignmentIds = new LinkedHashSet<>();
        mergedRows.rows(undone.mergeId()).stream()
                .filter(row -> row.table().equals("account_manager"))
                .forEach(row -> assignmentIds.add(((Number) row.key().get("id")).longValue()));
        String survivorName = legalName(undone.survivorId());
        String otherName = legalName(undone.otherId());
        for (long id : assignmentIds) {
            accountManagers.find(id).filter(manager -> manager.endedAt() == null).ifPresent(manager -> {
                notifications.notifyUsers(manager.memberUserIds(), new Notice(
                        "You are again the account manager of " + otherName,
                        "The merge of " + otherName + " into " + survivorName + " was undone, so " + otherName
                                + " is a separate business again and " + manager.displayName()
                                + " is its account manager again.",
                        "/businesses/" + undone.otherId()));
                log.info("Merge {} undone: assignment {} is active again for business {}", undone.mergeId(), id,
                        undone.otherId());
            });
        }
    }

    @Override
    public List<Preview> preview(long survivorId, long otherId) {
        List<Preview> lines = new ArrayList<>();
        long ending = count("SELECT count(*) FROM account_manager t WHERE " + OTHER_ACTIVE_MANAGER, survivorId,
                otherId);
        lines.add(new Preview("Account manager assignments",
                count("SELECT count(*) FROM account_manager t WHERE t.business_id = :otherId", survivorId, otherId),
                ending == 0 ? "The merged business's active account manager, if any, becomes the kept business's."
                        : "Both have an active account manager: the kept business's stays, the other assignment ends "
                        + "and stays in the history, and both managers get a notice."));
        lines.add(new Preview("Contacts and planned visits, campaign contacts included",
                count("SELECT count(*) FROM contact_log t WHERE t.business_id = :otherId", survivorId, otherId),
                "All move, and both businesses' contacts from one campaign stay."));
        lines.add(new Preview("Coordination requests",
                count("SELECT count(*) FROM coordination_request t WHERE t.business_id = :otherId", survivorId,
                        otherId), ""));
        long removedExclusions = count("SELECT count(*) FROM outreach_exclusion t WHERE " + OTHER_EXCLUSION,
                survivorId, otherId);
        lines.add(new Preview("Campaign exclusions",
                count("SELECT count(*) FROM outreach_exclusion t WHERE t.business_id = :otherId", survivorId, otherId),
                removedExclusions == 0 ? "" : removedExclusions + " for a campaign that also left out the kept "
                        + "business will be removed, keeping the kept business's reason."));
        long concierge = count("SELECT count(*) FROM business_concierge t WHERE t.business_id = :otherId",
                survivorId, otherId);
        long conciergeRemoved = count("SELECT count(*) FROM business_concierge t WHERE " + OTHER_CONCIERGE,
                survivorId, otherId);
        lines.add(new Preview("Concierge choice", concierge, conciergeRemoved == 0 ? ""
                : "The kept business's own choice stays, and the merged business's is removed."));
        return lines;
    }

    private void notifyOfMerge(BusinessesMerged merge, Optional<AccountManager> survivorManager,
                               AccountManager otherManager) {
        String survivorName = legalName(merge.survivorId());
        String otherName = legalName(merge.otherId());
        String link = "/businesses/" + merge.survivorId();
        String merged = otherName + " (business " + merge.otherId() + ") was merged into " + survivorName
                + " (business " + merge.survivorId() + ") as merge " + merge.mergeId() + ".";
        if (survivorManager.isEmpty()) {
            notifications.notifyUsers(otherManager.memberUserIds(), new Notice(
                    "You are now the account manager of " + survivorName,
                    merged + " " + otherManager.displayName() + " was its account manager and is now the account "
                            + "manager of " + survivorName + ".",
                    link));
            log.info("Merge {} moved active account manager assignment {} to business {}", merge.mergeId(),
                    otherManager.id(), merge.survivorId());
            return;
        }
        AccountManager kept = survivorManager.get();
        Set<Long> endedOnly = new LinkedHashSet<>(otherManager.memberUserIds());
        endedOnly.removeAll(kept.memberUserIds());
        notifications.notifyUsers(endedOnly, new Notice(
                "You are no longer the account manager of " + otherName,
                merged + " " + survivorName + " keeps its account manager, " + kept.displayName() + ", so the "
                        + "assignment of " + otherManager.displayName() + " ended.",
                link));
        notifications.notifyUsers(kept.memberUserIds(), new Notice(
                "Business merged into " + survivorName,
                merged + " " + kept.displayName() + " stays the account manager of " + survivorName + ", and the "
                        + "assignment of " + otherManager.displayName() + " ended.",
                link));
        log.info("Merge {} ended account manager assignment {} of business {}; assignment {} stays", merge.mergeId(),
                otherManager.id(), merge.otherId(), kept.id());
    }

    private String legalName(long businessId) {
        return jdbc.sql("SELECT legal_name FROM business WHERE id = :id")
                .param("id", businessId)
                .query(String.class)
                .single();
    }

    private long count(String sql, long survivorId, long otherId) {
        return jdbc.sql(sql).param("survivorId", survivorId).param("otherId", otherId).query(Long.class).single();
    }
}
