package org.onedoor.referrals.internal;

import java.util.List;

import org.onedoor.businesses.BusinessesMerged;
import org.onedoor.businesses.MergeParticipant;
import org.onedoor.businesses.MergedRows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged business's referrals and waiting-list entries to the survivor, in the merge's transaction. Every
 * referral moves and none is joined with another, so two referrals to the same service stay two records. A
 * waiting-list entry for a service the survivor already waits for ends, because a business waits once per service.
 */
@Component
class ReferralMergeMoves implements MergeParticipant {

    private static final String OTHER_WAITING = "t.business_id = :otherId AND t.removed_at IS NULL AND EXISTS ("
            + "SELECT 1 FROM referral_waiting_list s WHERE s.business_id = :survivorId AND s.service_id = t.service_id "
            + "AND s.removed_at IS NULL)";

    private final JdbcClient jdbc;
    private final MergedRows mergedRows;

    ReferralMergeMoves(JdbcClient jdbc, MergedRows mergedRows) {
        this.jdbc = jdbc;
        this.mergedRows = mergedRows;
    }

    @EventListener
    void on(BusinessesMerged merge) {
        MergedRows.Recorder recorder = mergedRows.recorder(merge, "referrals");
        recorder.move("referral", "t.business_id = :otherId");
        recorder.change("referral_waiting_list", "ENDED", "business_id = :survivorId, removed_at = now()",
                OTHER_WAITING);
        recorder.move("referral_waiting_list", "t.business_id = :otherId");
    }

    @Override
    public List<Preview> preview(long survivorId, long otherId) {
        long referrals = count("SELECT count(*) FROM referral t WHERE t.business_id = :otherId", survivorId, otherId);
        long waiting = count("SELECT count(*) FROM referral_waiting_list t WHERE t.business_id = :otherId",
                survivorId, otherId);
        long ending = count("SELECT count(*) FROM referral_waiting_list t WHERE " + OTHER_WAITING, survivorId,
                otherId);
        return List.of(
                new Preview("Referrals", referrals, "All move. Two referrals to the same service stay two referrals."),
                new Preview("Waiting-list entries", waiting, ending == 0 ? ""
                        : ending + " for a service the kept business already waits for will end and stay in its "
                        + "history."));
    }

    private long count(String sql, long survivorId, long otherId) {
        return jdbc.sql(sql).param("survivorId", survivorId).param("otherId", otherId).query(Long.class).single();
    }
}
