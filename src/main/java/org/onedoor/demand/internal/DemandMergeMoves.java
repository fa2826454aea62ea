package org.onedoor.demand.internal;

import java.util.List;

import org.onedoor.businesses.BusinessesMerged;
import org.onedoor.businesses.MergeParticipant;
import org.onedoor.businesses.MergedRows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged business's needs, offers and unmet needs to the survivor, in the merge's transaction. A business
 * has at most one open need of each type, so an open need of a type the survivor also has open is closed as joined
 * into the survivor's need, naming it and the merge. Both records stay, and the closed need keeps its offers.
 */
@Component
class DemandMergeMoves implements MergeParticipant {

    private static final String OTHER_SAME_OPEN = "t.business_id = :otherId AND t.status = 'OPEN' AND EXISTS ("
            + "SELECT 1 FROM business_need s WHERE s.business_id = :survivorId AND s.status = 'OPEN' "
            + "AND s.need_code = t.need_code)";

    private final JdbcClient jdbc;
    private final MergedRows mergedRows;

    DemandMergeMoves(JdbcClient jdbc, MergedRows mergedRows) {
        this.jdbc = jdbc;
        this.mergedRows = mergedRows;
    }

    @EventListener
    void on(BusinessesMerged merge) {
        MergedRows.Recorder recorder = mergedRows.recorder(merge, "demand");
        recorder.change("business_need", "CLOSED", """
                business_id = :survivorId, status = 'CLOSED', closed_at = now(), joined_by_merge_id = :mergeId,
                joined_into_id = (SELECT s.id FROM business_need s WHERE s.business_id = :survivorId
                                  AND s.status = 'OPEN' AND s.need_code = t.need_code)""", OTHER_SAME_OPEN);
        recorder.move("business_need", "t.business_id = :otherId");
        recorder.move("need_offer", "t.business_id = :otherId");
        recorder.move("unmet_need", "t.business_id = :otherId");
    }

    @Override
    public List<Preview> preview(long survivorId, long otherId) {
        long joined = count("SELECT count(*) FROM business_need t WHERE " + OTHER_SAME_OPEN, survivorId, otherId);
        return List.of(
                new Preview("Needs", count("SELECT count(*) FROM business_need t WHERE t.business_id = :otherId",
                        survivorId, otherId), joined == 0 ? "All move."
                        : joined + " open need(s) of a type the kept business also has open will be closed as joined "
                        + "into the kept business's need. Both records stay."),
                new Preview("Offers", count("SELECT count(*) FROM need_offer t WHERE t.business_id = :otherId",
                        survivorId, otherId), "All move, and each stays with its need."),
                new Preview("Unmet needs", count("SELECT count(*) FROM unmet_need t WHERE t.business_id = :otherId",
                        survivorId, otherId), ""));
    }

    private long count(String sql, long survivorId, long otherId) {
        return jdbc.sql(sql).param("survivorId", survivorId).param("otherId", otherId).query(Long.class).single();
    }
}
